import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { WooshPayConnectionError, WooshPayError, errorFromResponse } from "./errors";
import {
  deletedSchema,
  errorEnvelopeSchema,
  eventSchema,
  listSchema,
  paymentIntentSchema,
  webhookEndpointSchema,
  type List,
  type ListParams,
  type PaymentIntent,
  type PaymentIntentCancelParams,
  type PaymentIntentCreateParams,
  type WebhookEndpoint,
  type WebhookEndpointCreateParams,
  type WebhookEndpointUpdateParams,
  type WooshPayEvent,
} from "./schemas";

export interface WooshPayOptions {
  /** `https://apitest.wooshpay.com` for test keys; the embedded sandbox is `APP_URL/sandbox`. */
  apiBase: string;
  /** Per attempt, in milliseconds. */
  timeoutMs?: number;
  /** Further attempts after a network error, a 429 or a 5xx. */
  maxRetries?: number;
  fetch?: typeof fetch;
  /** Replaceable so tests need not wait through the back-off. */
  sleep?: (ms: number) => Promise<void>;
}

export interface RequestOptions {
  /**
   * Makes a POST safe to repeat: WooshPay answers a repeat with the first response. Derive it from
   * your own record (an order and its attempt) so that a retried checkout never charges twice.
   */
  idempotencyKey?: string;
}

const INITIAL_RETRY_DELAY_MS = 500;

/**
 * 429 and 5xx are worth another try, and so is a 409 saying the first request with this
 * Idempotency-Key is still running: the retry then gets its answer instead of an error.
 */
function isRetryableStatus(status: number, body: string): boolean {
  if (status === 429 || status >= 500) return true;
  if (status !== 409) return false;
  const envelope = errorEnvelopeSchema.safeParse(safeJson(body));
  return envelope.success && envelope.data.error.code === "idempotency_key_in_use";
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
const MAX_RETRY_DELAY_MS = 8_000;

/**
 * A typed client for WooshPay's REST API. It knows nothing of orders or of any framework: copy this
 * folder into your own app as it is.
 */
export class WooshPay {
  readonly paymentIntents: PaymentIntents;
  readonly webhookEndpoints: WebhookEndpoints;
  readonly events: Events;
  private readonly authorization: string;
  private readonly apiBase: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(secretKey: string, options: WooshPayOptions) {
    if (!/^sk_(test|live)_/.test(secretKey)) {
      throw new Error("WooshPay needs a secret key (sk_test_… or sk_live_…); a publishable key (pk_…) cannot call the API.");
    }
    // HTTP Basic with the secret key as user name and an empty password.
    this.authorization = `Basic ${Buffer.from(`${secretKey}:`).toString("base64")}`;
    this.apiBase = options.apiBase.replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxRetries = options.maxRetries ?? 2;
    this.fetchImpl = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.paymentIntents = new PaymentIntents(this);
    this.webhookEndpoints = new WebhookEndpoints(this);
    this.events = new Events(this);
  }

  /** @internal Sends one API call, retrying what is safe to retry, and parses the answer with `schema`. */
  async request<T extends z.ZodType>(
    method: "GET" | "POST" | "DELETE",
    path: string,
    schema: T,
    body?: object,
    options: RequestOptions = {},
  ): Promise<z.infer<T>> {
    const headers: Record<string, string> = { Authorization: this.authorization, Accept: "application/json" };
    if (method === "POST") {
      headers["Content-Type"] = "application/json";
      // Every POST carries a key, and every retry of it the same key, so a retry never creates twice.
      headers["Idempotency-Key"] = options.idempotencyKey ?? randomUUID();
    }
    const url = `${this.apiBase}${path}`;
    const payload = body === undefined ? undefined : JSON.stringify(body);

    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(method, url, headers, payload);
      const retryable = outcome.kind === "network" || isRetryableStatus(outcome.status, outcome.text);
      if (retryable && attempt < this.maxRetries) {
        await this.sleep(this.retryDelay(attempt, outcome.kind === "response" ? outcome.retryAfter : undefined));
        continue;
      }
      if (outcome.kind === "network") {
        throw new WooshPayConnectionError({
          type: "api_connection_error",
          message: `Could not reach WooshPay at ${url} (${outcome.reason}). Check WOOSHPAY_API_BASE and the network.`,
          raw: outcome.cause,
        });
      }
      return this.parse(outcome, schema, url);
    }
  }

  private async attempt(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<
    | { kind: "response"; status: number; text: string; requestId?: string; retryAfter?: number }
    | { kind: "network"; reason: string; cause: unknown }
  > {
    try {
      const response = await this.fetchImpl(url, { method, headers, body, signal: AbortSignal.timeout(this.timeoutMs) });
      const text = await response.text();
      const retryAfter = Number(response.headers.get("retry-after"));
      return {
        kind: "response",
        status: response.status,
        text,
        requestId: response.headers.get("request-id") ?? undefined,
        retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
      };
    } catch (cause) {
      const timedOut = cause instanceof DOMException && cause.name === "TimeoutError";
      return { kind: "network", reason: timedOut ? `no answer within ${this.timeoutMs} ms` : String(cause), cause };
    }
  }

  private parse<T extends z.ZodType>(
    outcome: { status: number; text: string; requestId?: string },
    schema: T,
    url: string,
  ): z.infer<T> {
    let json: unknown;
    try {
      json = JSON.parse(outcome.text);
    } catch {
      throw new WooshPayConnectionError({
        type: "api_connection_error",
        statusCode: outcome.status,
        requestId: outcome.requestId,
        message: `WooshPay at ${url} answered HTTP ${outcome.status} with a body that is not JSON. Is WOOSHPAY_API_BASE right?`,
        raw: outcome.text.slice(0, 500),
      });
    }
    if (outcome.status < 200 || outcome.status >= 300) {
      const envelope = errorEnvelopeSchema.safeParse(json);
      throw errorFromResponse(outcome.status, envelope.success ? envelope.data : undefined, outcome.requestId);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new WooshPayError({
        type: "api_error",
        statusCode: outcome.status,
        requestId: outcome.requestId,
        message: `WooshPay's answer from ${url} does not have the expected shape: ${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join(".")}: ${i.message}`)
          .join("; ")}`,
        raw: json,
      });
    }
    return parsed.data;
  }

  private retryDelay(attempt: number, retryAfterMs: number | undefined): number {
    if (retryAfterMs !== undefined) return Math.min(retryAfterMs, MAX_RETRY_DELAY_MS);
    const exponential = Math.min(MAX_RETRY_DELAY_MS, INITIAL_RETRY_DELAY_MS * 2 ** attempt);
    // Jitter spreads out clients that failed together.
    return exponential / 2 + Math.random() * (exponential / 2);
  }
}

const paymentIntentList = listSchema(paymentIntentSchema);

function withQuery(path: string, params: ListParams): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  return query ? `${path}?${query}` : path;
}

class PaymentIntents {
  constructor(private readonly client: WooshPay) {}

  /** With `confirm: true` and Alipay, the answer is `requires_action` with the URL to send the shopper to. */
  create(params: PaymentIntentCreateParams, options?: RequestOptions): Promise<PaymentIntent> {
    return this.client.request("POST", "/v1/payment_intents", paymentIntentSchema, params, options);
  }

  retrieve(id: string): Promise<PaymentIntent> {
    return this.client.request("GET", `/v1/payment_intents/${encodeURIComponent(id)}`, paymentIntentSchema);
  }

  list(params: ListParams = {}): Promise<List<PaymentIntent>> {
    return this.client.request("GET", withQuery("/v1/payment_intents", params), paymentIntentList);
  }

  /** Allowed until the intent succeeds; an unpaid Alipay payment is closed on WooshPay's side too. */
  cancel(id: string, params: PaymentIntentCancelParams = {}, options?: RequestOptions): Promise<PaymentIntent> {
    return this.client.request("POST", `/v1/payment_intents/${encodeURIComponent(id)}/cancel`, paymentIntentSchema, params, options);
  }
}

class WebhookEndpoints {
  constructor(private readonly client: WooshPay) {}

  /** The answer carries `secret` (whsec_…), the only time it is shown: store it as your webhook secret. */
  create(params: WebhookEndpointCreateParams, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.client.request("POST", "/v1/webhook_endpoints", webhookEndpointSchema, params, options);
  }

  retrieve(id: string): Promise<WebhookEndpoint> {
    return this.client.request("GET", `/v1/webhook_endpoints/${encodeURIComponent(id)}`, webhookEndpointSchema);
  }

  update(id: string, params: WebhookEndpointUpdateParams, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.client.request("POST", `/v1/webhook_endpoints/${encodeURIComponent(id)}`, webhookEndpointSchema, params, options);
  }

  list(params: ListParams = {}): Promise<List<WebhookEndpoint>> {
    return this.client.request("GET", withQuery("/v1/webhook_endpoints", params), listSchema(webhookEndpointSchema));
  }

  del(id: string): Promise<{ id: string; deleted: true }> {
    return this.client.request("DELETE", `/v1/webhook_endpoints/${encodeURIComponent(id)}`, deletedSchema);
  }
}

class Events {
  constructor(private readonly client: WooshPay) {}

  retrieve(id: string): Promise<WooshPayEvent> {
    return this.client.request("GET", `/v1/events/${encodeURIComponent(id)}`, eventSchema);
  }

  list(params: ListParams & { type?: string } = {}): Promise<List<WooshPayEvent>> {
    return this.client.request("GET", withQuery("/v1/events", params), listSchema(eventSchema));
  }
}

export type { Events, PaymentIntents, WebhookEndpoints };
