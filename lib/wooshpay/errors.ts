import type { ErrorEnvelope } from "./schemas";

interface ErrorInit {
  message: string;
  type: string;
  statusCode?: number;
  code?: string;
  param?: string;
  requestId?: string;
  raw?: unknown;
}

/** The base of every error the client throws; catch this one to handle them all. */
export class WooshPayError extends Error {
  readonly type: string;
  readonly statusCode: number | undefined;
  readonly code: string | undefined;
  readonly param: string | undefined;
  readonly requestId: string | undefined;
  readonly raw: unknown;

  constructor(init: ErrorInit) {
    super(init.message);
    this.name = new.target.name;
    this.type = init.type;
    this.statusCode = init.statusCode;
    this.code = init.code;
    this.param = init.param;
    this.requestId = init.requestId;
    this.raw = init.raw;
  }
}

/** 400 or 404: the request itself is wrong; `param` names the field. Retrying will not help. */
export class WooshPayInvalidRequestError extends WooshPayError {}
/** 401: the secret key is missing, malformed or unknown. */
export class WooshPayAuthenticationError extends WooshPayError {}
/** 403: the key is valid but may not do this. */
export class WooshPayPermissionError extends WooshPayError {}
/** 402 `card_error`: the payment method was refused. */
export class WooshPayCardError extends WooshPayError {}
/**
 * 409: an Idempotency-Key was re-used with other parameters (`idempotency_key_reused`), or the first
 * request is still running (`idempotency_key_in_use`, thrown only after the retries ran out).
 */
export class WooshPayIdempotencyError extends WooshPayError {}
/** 429: too many requests; the client already backed off and retried before throwing this. */
export class WooshPayRateLimitError extends WooshPayError {}
/** 5xx: WooshPay failed; the client already retried with the same Idempotency-Key. */
export class WooshPayAPIError extends WooshPayError {}
/** No usable answer: network failure, timeout, or a body that is not WooshPay's. */
export class WooshPayConnectionError extends WooshPayError {}

/** Maps an HTTP error response to its class, by wire `type` first and status second. */
export function errorFromResponse(statusCode: number, body: ErrorEnvelope | undefined, requestId?: string): WooshPayError {
  const e = body?.error;
  const init: ErrorInit = {
    statusCode,
    requestId,
    raw: body,
    type: e?.type ?? (statusCode >= 500 ? "api_error" : "invalid_request_error"),
    message: e?.message ?? `WooshPay answered HTTP ${statusCode} without an error body.`,
    code: e?.code ?? undefined,
    param: e?.param ?? undefined,
  };
  if (init.type === "idempotency_error" || statusCode === 409) return new WooshPayIdempotencyError(init);
  if (init.type === "card_error") return new WooshPayCardError(init);
  if (statusCode === 401) return new WooshPayAuthenticationError(init);
  if (statusCode === 403) return new WooshPayPermissionError(init);
  if (statusCode === 429) return new WooshPayRateLimitError(init);
  if (statusCode >= 500 || init.type === "api_error") return new WooshPayAPIError(init);
  return new WooshPayInvalidRequestError(init);
}
