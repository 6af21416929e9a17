import { createHash } from "node:crypto";
import qs from "qs";
import type { SandboxContext } from "./context";
import { SandboxApiError } from "./errors";
import { cancelPaymentIntent, confirmPaymentIntent, createPaymentIntent, expireDueIntents, listPaymentIntents, retrievePaymentIntent } from "./intents";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listEvents,
  listWebhookEndpoints,
  retrieveEvent,
  retrieveWebhookEndpoint,
  updateWebhookEndpoint,
} from "./webhooks";

type Handler = (ctx: SandboxContext, apiKey: string, params: string[], body: unknown, query: URLSearchParams) => Promise<unknown>;

interface Route {
  method: "GET" | "POST" | "DELETE";
  pattern: RegExp;
  handler: Handler;
}

const routes: Route[] = [
  { method: "POST", pattern: /^\/v1\/payment_intents$/, handler: (ctx, key, _p, body) => createPaymentIntent(ctx, key, body) },
  { method: "GET", pattern: /^\/v1\/payment_intents$/, handler: (ctx, key, _p, _b, query) => listPaymentIntents(ctx, key, query) },
  { method: "GET", pattern: /^\/v1\/payment_intents\/([^/]+)$/, handler: (ctx, key, [id]) => retrievePaymentIntent(ctx, key, id!) },
  { method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/, handler: (ctx, key, [id], body) => cancelPaymentIntent(ctx, key, id!, body) },
  { method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)\/confirm$/, handler: (ctx, key, [id], body) => confirmPaymentIntent(ctx, key, id!, body) },
  { method: "POST", pattern: /^\/v1\/webhook_endpoints$/, handler: (ctx, key, _p, body) => createWebhookEndpoint(ctx, key, body) },
  { method: "GET", pattern: /^\/v1\/webhook_endpoints$/, handler: (ctx, key) => listWebhookEndpoints(ctx, key) },
  { method: "GET", pattern: /^\/v1\/webhook_endpoints\/([^/]+)$/, handler: (ctx, key, [id]) => retrieveWebhookEndpoint(ctx, key, id!) },
  { method: "POST", pattern: /^\/v1\/webhook_endpoints\/([^/]+)$/, handler: (ctx, key, [id], body) => updateWebhookEndpoint(ctx, key, id!, body) },
  { method: "DELETE", pattern: /^\/v1\/webhook_endpoints\/([^/]+)$/, handler: (ctx, key, [id]) => deleteWebhookEndpoint(ctx, key, id!) },
  { method: "GET", pattern: /^\/v1\/events$/, handler: (ctx, key, _p, _b, query) => listEvents(ctx, key, query) },
  { method: "GET", pattern: /^\/v1\/events\/([^/]+)$/, handler: (ctx, key, [id]) => retrieveEvent(ctx, key, id!) },
];

const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

function json(status: number, body: unknown, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...extraHeaders } });
}

function apiKeyOf(request: Request): string | undefined {
  const header = request.headers.get("authorization") ?? "";
  const [scheme, value = ""] = header.split(" ", 2);
  if (scheme?.toLowerCase() === "bearer") return value.trim() || undefined;
  if (scheme?.toLowerCase() !== "basic") return undefined;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  // The key is the user name; the password is empty.
  return decoded.split(":", 1)[0] || undefined;
}

/** WooshPay documents JSON; its introduction says form-encoded. Take both, like the real host. */
async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return formToJson(qs.parse(text, { depth: 5, arrayLimit: 100 }));
  try {
    return JSON.parse(text);
  } catch {
    throw new SandboxApiError(400, "invalid_request_error", "parameter_invalid", "The request body is not valid JSON. Send Content-Type: application/json.");
  }
}

/** Form values are all strings; give numbers and booleans back their types where they look like them. */
function formToJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(formToJson);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "metadata" ? v : formToJson(v)]));
  if (value === "true" || value === "false") return value === "true";
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return value;
}

function hashRequest(method: string, path: string, body: unknown): string {
  return createHash("sha256").update(`${method} ${path} ${JSON.stringify(body)}`).digest("hex");
}

/**
 * Serves `/v1/…` as WooshPay does: Basic auth with a secret key, WooshPay's error envelope, and
 * `Idempotency-Key` replay (the first response again) or 409 when a key comes back with other parameters.
 */
export async function handleSandboxApi(ctx: SandboxContext, request: Request, path: string): Promise<Response> {
  try {
    const apiKey = apiKeyOf(request);
    if (!apiKey) {
      throw new SandboxApiError(401, "invalid_request_error", "api_key_missing", "You did not provide an API key. Use HTTP Basic auth with your secret key as the user name and an empty password.");
    }
    if (!ctx.apiKeys.includes(apiKey)) {
      throw new SandboxApiError(401, "invalid_request_error", "api_key_invalid", `Invalid API Key provided: ${apiKey.slice(0, 12)}${"*".repeat(8)}`);
    }
    const method = request.method.toUpperCase();
    const url = new URL(request.url);
    let match: RegExpExecArray | null = null;
    const route = routes.find((r) => r.method === method && (match = r.pattern.exec(path)) !== null);
    if (!route || !match) {
      throw new SandboxApiError(404, "invalid_request_error", "resource_missing", `Unrecognized request URL (${method}: ${path}).`);
    }
    const params = (match as RegExpExecArray).slice(1).map(decodeURIComponent);
    const body = method === "POST" ? await readBody(request) : undefined;
    await expireDueIntents(ctx);

    const idempotencyKey = method === "POST" ? request.headers.get("idempotency-key") : null;
    const run = async () => json(200, await route.handler(ctx, apiKey, params, body, url.searchParams));
    return idempotencyKey ? await idempotent(ctx, apiKey, idempotencyKey, method, path, body, run) : await run();
  } catch (error) {
    if (error instanceof SandboxApiError) return json(error.status, error.toBody());
    console.error("[sandbox] unexpected error", error);
    return json(500, { error: { type: "api_error", code: "internal_error", message: "The sandbox failed unexpectedly; see the server log." } });
  }
}

async function idempotent(
  ctx: SandboxContext,
  apiKey: string,
  key: string,
  method: string,
  path: string,
  body: unknown,
  run: () => Promise<Response>,
): Promise<Response> {
  const requestHash = hashRequest(method, path, body);
  const now = ctx.now();
  await ctx.db.deleteFrom("sandbox_idempotency_keys").where("created", "<", now - IDEMPOTENCY_KEY_TTL_MS).execute();

  // Claim the key first: of two identical requests racing, one runs and the other is told to retry.
  const claimed = await ctx.db
    .insertInto("sandbox_idempotency_keys")
    .values({ api_key: apiKey, key, method, path, request_hash: requestHash, status_code: null, response_body: null, created: now })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();

  if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) {
    const first = await ctx.db
      .selectFrom("sandbox_idempotency_keys")
      .selectAll()
      .where("api_key", "=", apiKey)
      .where("key", "=", key)
      .executeTakeFirstOrThrow();
    if (first.request_hash !== requestHash) {
      throw new SandboxApiError(
        409,
        "idempotency_error",
        "idempotency_key_reused",
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    if (first.status_code === null || first.response_body === null) {
      throw new SandboxApiError(409, "idempotency_error", "idempotency_key_in_use", "A request with this Idempotency-Key is still being processed; retry shortly.");
    }
    return new Response(first.response_body, {
      status: first.status_code,
      headers: { "Content-Type": "application/json", "Idempotent-Replayed": "true" },
    });
  }

  let response: Response;
  try {
    response = await run();
  } catch (error) {
    if (!(error instanceof SandboxApiError) || error.status >= 500) {
      // A failure of ours is not the answer to remember: free the key so a retry can run.
      await ctx.db.deleteFrom("sandbox_idempotency_keys").where("api_key", "=", apiKey).where("key", "=", key).execute();
      throw error;
    }
    response = json(error.status, error.toBody());
  }
  const text = await response.clone().text();
  await ctx.db
    .updateTable("sandbox_idempotency_keys")
    .set({ status_code: response.status, response_body: text })
    .where("api_key", "=", apiKey)
    .where("key", "=", key)
    .execute();
  return response;
}
