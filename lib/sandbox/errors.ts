/** An API error the sandbox answers with WooshPay's envelope: `{"error": {type, code, message, param}}`. */
export class SandboxApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: "invalid_request_error" | "idempotency_error" | "api_error" | "card_error",
    readonly code: string,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }

  toBody() {
    return { error: { type: this.type, code: this.code, message: this.message, ...(this.param ? { param: this.param } : {}) } };
  }
}

export const invalidParam = (param: string, message: string, code = "parameter_invalid") =>
  new SandboxApiError(400, "invalid_request_error", code, message, param);

export const resourceMissing = (kind: string, id: string) =>
  new SandboxApiError(404, "invalid_request_error", "resource_missing", `No such ${kind}: '${id}'`, "id");
