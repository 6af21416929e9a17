import { afterEach, describe, expect, it, vi } from "vitest";
import {
  WooshPay,
  WooshPayAPIError,
  WooshPayAuthenticationError,
  WooshPayConnectionError,
  WooshPayError,
  WooshPayIdempotencyError,
  WooshPayInvalidRequestError,
  WooshPayRateLimitError,
  type PaymentIntent,
  type PaymentIntentCreateParams,
} from "@/lib/wooshpay";

const SECRET_KEY = "sk_test_abc123";
const API_BASE = "https://api.test.example";

const intent: PaymentIntent = {
  id: "pi_1666729870215872512",
  object: "payment_intent",
  created: 1_700_000_000_000,
  amount: 37400,
  currency: "CNY",
  status: "requires_action",
  livemode: false,
  payment_method_types: ["alipay"],
  next_action: { type: "redirect_to_url", alipay_handle_redirect: { url: "https://sandbox.example/alipay/cashier?codeValue=2816abc" } },
};

const createParams: PaymentIntentCreateParams = {
  amount: 37400,
  currency: "CNY",
  confirm: true,
  payment_method_types: ["alipay"],
  return_url: "https://shop.example/checkout/return?order=LP-1",
};

type Step = () => Response | Promise<Response>;

const ok = (body: unknown = intent, headers: Record<string, string> = {}): Step => () =>
  new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json", ...headers } });
const fail = (status: number, error: Record<string, unknown> = {}, headers: Record<string, string> = {}): Step => () =>
  new Response(JSON.stringify({ error: { type: status >= 500 ? "api_error" : "invalid_request_error", message: `HTTP ${status}`, ...error } }), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
const text = (status: number, body: string): Step => () => new Response(body, { status, headers: { "Content-Type": "text/html" } });
const networkError = (): Step => () => {
  throw new TypeError("fetch failed");
};
const timeout = (): Step => () => {
  throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
};

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | null | undefined;
}

/** A client whose network is a script of answers, one per request, and whose back-off only records its delays. */
function scripted(steps: Step[], options: { maxRetries?: number; timeoutMs?: number; secretKey?: string } = {}) {
  const calls: Call[] = [];
  const sleeps: number[] = [];
  const queue = [...steps];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({
      url: String(input),
      method: init.method ?? "GET",
      headers: new Headers(init.headers),
      body: typeof init.body === "string" ? init.body : undefined,
      signal: init.signal,
    });
    const step = queue.shift();
    if (!step) throw new Error(`Unexpected request #${calls.length}: the script has no more answers`);
    return step();
  }) as typeof fetch;
  const client = new WooshPay(options.secretKey ?? SECRET_KEY, {
    apiBase: API_BASE,
    fetch: fetchImpl,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  return { client, calls, sleeps, remaining: () => queue.length };
}

async function caught(promise: Promise<unknown>): Promise<WooshPayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WooshPayError)) throw new Error(`Expected a WooshPayError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("retries", () => {
  it("retries network errors and succeeds with the same Idempotency-Key on every try", async () => {
    const { client, calls, sleeps } = scripted([networkError(), networkError(), ok()], { maxRetries: 2 });
    const result = await client.paymentIntents.create(createParams, { idempotencyKey: "LP-1-attempt-1" });
    expect(result.id).toBe(intent.id);
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => c.headers.get("idempotency-key"))).toEqual(["LP-1-attempt-1", "LP-1-attempt-1", "LP-1-attempt-1"]);
    expect(new Set(calls.map((c) => c.body)).size).toBe(1);
    expect(sleeps).toHaveLength(2);
  });

  it("gives up on network errors after maxRetries with WooshPayConnectionError", async () => {
    const { client, calls, sleeps } = scripted([networkError(), networkError(), networkError(), networkError()], { maxRetries: 3 });
    const error = await caught(client.paymentIntents.create(createParams, { idempotencyKey: "k-net" }));
    expect(error).toBeInstanceOf(WooshPayConnectionError);
    expect(error.type).toBe("api_connection_error");
    expect(error.message).toContain("fetch failed");
    expect(error.message).toContain(`${API_BASE}/v1/payment_intents`);
    expect(calls).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
    expect(new Set(calls.map((c) => c.headers.get("idempotency-key")))).toEqual(new Set(["k-net"]));
  });

  it("gives up on 429 after maxRetries with WooshPayRateLimitError", async () => {
    const { client, calls } = scripted([fail(429, { type: "rate_limit_error" }), fail(429, { type: "rate_limit_error" }), fail(429, { type: "rate_limit_error" })], {
      maxRetries: 2,
    });
    const error = await caught(client.paymentIntents.create(createParams, { idempotencyKey: "k-429" }));
    expect(error).toBeInstanceOf(WooshPayRateLimitError);
    expect(error.statusCode).toBe(429);
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c.headers.get("idempotency-key") === "k-429")).toBe(true);
  });

  it.each([500, 502, 503, 504])("gives up on %i after maxRetries with WooshPayAPIError", async (status) => {
    const { client, calls } = scripted([fail(status), fail(status), fail(status)], { maxRetries: 2 });
    const error = await caught(client.paymentIntents.create(createParams, { idempotencyKey: `k-${status}` }));
    expect(error).toBeInstanceOf(WooshPayAPIError);
    expect(error.statusCode).toBe(status);
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c.headers.get("idempotency-key") === `k-${status}`)).toBe(true);
  });

  it("recovers when a retry after a 5xx succeeds", async () => {
    const { client, calls } = scripted([fail(503), fail(429), ok()], { maxRetries: 2 });
    await expect(client.paymentIntents.create(createParams)).resolves.toMatchObject({ id: intent.id });
    expect(calls).toHaveLength(3);
  });

  it("retries a GET as well", async () => {
    const { client, calls } = scripted([networkError(), fail(500), ok()], { maxRetries: 2 });
    await expect(client.paymentIntents.retrieve(intent.id)).resolves.toMatchObject({ id: intent.id });
    expect(calls.map((c) => c.method)).toEqual(["GET", "GET", "GET"]);
  });

  it("defaults to two retries", async () => {
    const { client, calls } = scripted([fail(500), fail(500), fail(500), ok()]);
    await expect(caught(client.paymentIntents.retrieve(intent.id))).resolves.toBeInstanceOf(WooshPayAPIError);
    expect(calls).toHaveLength(3);
  });

  it("makes a single try with maxRetries 0", async () => {
    const { client, calls, sleeps } = scripted([fail(503), ok()], { maxRetries: 0 });
    await expect(caught(client.paymentIntents.create(createParams))).resolves.toBeInstanceOf(WooshPayAPIError);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it.each([
    [400, { code: "parameter_invalid", param: "amount" }, WooshPayInvalidRequestError],
    [401, { code: "api_key_invalid" }, WooshPayAuthenticationError],
    [404, { code: "resource_missing", param: "id" }, WooshPayInvalidRequestError],
    [409, { type: "idempotency_error", code: "idempotency_key_reused" }, WooshPayIdempotencyError],
  ] as const)("does not retry %i", async (status, body, errorClass) => {
    const { client, calls, sleeps } = scripted([fail(status, body), ok()], { maxRetries: 3 });
    const error = await caught(client.paymentIntents.create(createParams));
    expect(error).toBeInstanceOf(errorClass);
    expect(error.statusCode).toBe(status);
    expect(error.code).toBe(body.code);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("retries a 409 that says the first request with this key is still running, with the same key", async () => {
    const { client, calls } = scripted([fail(409, { type: "idempotency_error", code: "idempotency_key_in_use" }), ok()], { maxRetries: 2 });
    await expect(client.paymentIntents.create(createParams, { idempotencyKey: "order-1-attempt-1" })).resolves.toMatchObject({ object: "payment_intent" });
    expect(calls).toHaveLength(2);
  });

  it("carries the error envelope's fields and the request id onto the error", async () => {
    const { client } = scripted(
      [fail(400, { code: "parameter_invalid", param: "currency", message: "Alipay processes CNY only." }, { "Request-Id": "req_123" })],
      { maxRetries: 0 },
    );
    const error = await caught(client.paymentIntents.create(createParams));
    expect(error).toMatchObject({
      type: "invalid_request_error",
      code: "parameter_invalid",
      param: "currency",
      message: "Alipay processes CNY only.",
      requestId: "req_123",
      statusCode: 400,
    });
  });
});

describe("request headers", () => {
  it("sends Authorization: Basic base64 of the secret key and an empty password", async () => {
    const { client, calls } = scripted([ok()]);
    await client.paymentIntents.retrieve(intent.id);
    const authorization = calls[0]!.headers.get("authorization")!;
    expect(authorization).toBe(`Basic ${Buffer.from(`${SECRET_KEY}:`).toString("base64")}`);
    expect(Buffer.from(authorization.replace(/^Basic /, ""), "base64").toString("utf8")).toBe(`${SECRET_KEY}:`);
  });

  it("refuses a publishable key before sending anything", () => {
    expect(() => new WooshPay("pk_test_abc", { apiBase: API_BASE, fetch: (async () => ok()()) as typeof fetch })).toThrow(/secret key/);
  });

  it("sends the given Idempotency-Key on a POST", async () => {
    const { client, calls } = scripted([ok()]);
    await client.paymentIntents.create(createParams, { idempotencyKey: "LP-ABC-attempt-2" });
    expect(calls[0]!.method).toBe("POST");
    expect(calls[0]!.headers.get("idempotency-key")).toBe("LP-ABC-attempt-2");
    expect(calls[0]!.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(calls[0]!.body!)).toEqual(createParams);
  });

  it("generates a fresh Idempotency-Key for each POST given none, and keeps it across that POST's retries", async () => {
    const { client, calls } = scripted([fail(503), ok(), ok()], { maxRetries: 1 });
    await client.paymentIntents.create(createParams);
    await client.paymentIntents.create(createParams);
    const keys = calls.map((c) => c.headers.get("idempotency-key"));
    expect(keys.every((k) => typeof k === "string" && k.length >= 16)).toBe(true);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("sends an Idempotency-Key with a cancel, which is a POST", async () => {
    const { client, calls } = scripted([ok({ ...intent, status: "canceled", cancellation_reason: "abandoned" }), ok({ ...intent, status: "canceled" })]);
    await client.paymentIntents.cancel(intent.id, { cancellation_reason: "abandoned" }, { idempotencyKey: "LP-1-attempt-1-cancel" });
    await client.paymentIntents.cancel(intent.id);
    expect(calls[0]!.url).toBe(`${API_BASE}/v1/payment_intents/${intent.id}/cancel`);
    expect(calls[0]!.headers.get("idempotency-key")).toBe("LP-1-attempt-1-cancel");
    expect(calls[1]!.headers.get("idempotency-key")).toBeTruthy();
  });

  it("sends no Idempotency-Key, Content-Type or body with a GET", async () => {
    const { client, calls } = scripted([ok(), ok({ object: "list", data: [intent], has_more: false })]);
    await client.paymentIntents.retrieve(intent.id);
    await client.paymentIntents.list({ limit: 3 });
    for (const call of calls) {
      expect(call.method).toBe("GET");
      expect(call.headers.has("idempotency-key")).toBe(false);
      expect(call.headers.has("content-type")).toBe(false);
      expect(call.body).toBeUndefined();
      expect(call.headers.get("accept")).toBe("application/json");
    }
    expect(calls[1]!.url).toBe(`${API_BASE}/v1/payment_intents?limit=3`);
  });

  it("joins the API base without a double slash and escapes the id in the path", async () => {
    const calls: string[] = [];
    const client = new WooshPay(SECRET_KEY, {
      apiBase: `${API_BASE}/`,
      fetch: (async (input: RequestInfo | URL) => {
        calls.push(String(input));
        return ok()();
      }) as typeof fetch,
    });
    await client.paymentIntents.retrieve("pi_1/../x");
    expect(calls).toEqual([`${API_BASE}/v1/payment_intents/pi_1%2F..%2Fx`]);
  });

  it("gives every try an abort signal", async () => {
    const { client, calls } = scripted([networkError(), ok()], { maxRetries: 1 });
    await client.paymentIntents.retrieve(intent.id);
    expect(calls.every((c) => c.signal instanceof AbortSignal)).toBe(true);
  });
});

describe("bad answers", () => {
  it("turns a timeout into WooshPayConnectionError that mentions the timeout", async () => {
    const { client, calls } = scripted([timeout(), timeout()], { maxRetries: 1, timeoutMs: 1234 });
    const error = await caught(client.paymentIntents.create(createParams));
    expect(error).toBeInstanceOf(WooshPayConnectionError);
    expect(error.message).toContain("no answer within 1234 ms");
    expect(error.raw).toBeInstanceOf(DOMException);
    expect(calls).toHaveLength(2);
  });

  it("raises WooshPayConnectionError for a 200 whose body is not JSON", async () => {
    const { client } = scripted([text(200, "<html>Welcome to nginx</html>")], { maxRetries: 0 });
    const error = await caught(client.paymentIntents.retrieve(intent.id));
    expect(error).toBeInstanceOf(WooshPayConnectionError);
    expect(error.statusCode).toBe(200);
    expect(error.message).toMatch(/not JSON/);
    expect(error.raw).toContain("Welcome to nginx");
  });

  it("raises WooshPayConnectionError, not a 404 error, for an HTML 404 from the wrong host", async () => {
    const { client, calls } = scripted([text(404, "<h1>Not Found</h1>")], { maxRetries: 2 });
    const error = await caught(client.paymentIntents.retrieve(intent.id));
    expect(error).toBeInstanceOf(WooshPayConnectionError);
    expect(error.statusCode).toBe(404);
    expect(calls).toHaveLength(1);
  });

  it("raises a plain WooshPayError for a 200 of the wrong shape", async () => {
    const { client } = scripted([ok({ id: "ch_1", object: "charge", amount: "lots" })], { maxRetries: 2 });
    const error = await caught(client.paymentIntents.retrieve(intent.id));
    expect(error).toBeInstanceOf(WooshPayError);
    expect(error).not.toBeInstanceOf(WooshPayConnectionError);
    expect(error).not.toBeInstanceOf(WooshPayAPIError);
    expect(error.type).toBe("api_error");
    expect(error.statusCode).toBe(200);
    expect(error.message).toMatch(/expected shape/);
  });

  it("raises WooshPayError for a payment intent with an unknown status", async () => {
    const { client } = scripted([ok({ ...intent, status: "pending_review" })], { maxRetries: 0 });
    await expect(caught(client.paymentIntents.retrieve(intent.id))).resolves.toBeInstanceOf(WooshPayError);
  });

  it("keeps fields WooshPay may add tomorrow", async () => {
    const { client } = scripted([ok({ ...intent, brand_new_field: "x" })]);
    await expect(client.paymentIntents.retrieve(intent.id)).resolves.toMatchObject({ brand_new_field: "x" });
  });
});

describe("back-off", () => {
  it("waits longer before each further try", async () => {
    const { client, sleeps } = scripted([fail(503), fail(503), fail(503), fail(503), fail(503)], { maxRetries: 4 });
    await caught(client.paymentIntents.retrieve(intent.id));
    expect(sleeps).toHaveLength(4);
    for (let i = 1; i < sleeps.length; i++) expect(sleeps[i]!, `delay ${i}`).toBeGreaterThan(sleeps[i - 1]!);
  });

  it.each([
    ["the smallest jitter", 0],
    ["the largest jitter", 0.999999],
  ])("doubles the delay each try and caps it at 8 s, with %s", async (_name, random) => {
    vi.spyOn(Math, "random").mockReturnValue(random);
    const steps = Array.from({ length: 8 }, () => fail(503));
    const { client, sleeps } = scripted(steps, { maxRetries: 7 });
    await caught(client.paymentIntents.retrieve(intent.id));
    const bases = [500, 1000, 2000, 4000, 8000, 8000, 8000];
    expect(sleeps).toHaveLength(bases.length);
    sleeps.forEach((ms, i) => {
      expect(ms, `delay ${i}`).toBeGreaterThanOrEqual(bases[i]! / 2);
      expect(ms, `delay ${i}`).toBeLessThan(bases[i]!);
      expect(ms, `delay ${i}`).toBeCloseTo(bases[i]! / 2 + random * (bases[i]! / 2), 3);
    });
  });

  it("waits as long as Retry-After says", async () => {
    const { client, sleeps } = scripted([fail(429, {}, { "Retry-After": "3" }), ok()], { maxRetries: 1 });
    await client.paymentIntents.create(createParams);
    expect(sleeps).toEqual([3000]);
  });

  it("respects Retry-After on a 503 too", async () => {
    const { client, sleeps } = scripted([fail(503, {}, { "Retry-After": "1" }), fail(503, {}, { "Retry-After": "2" }), ok()], { maxRetries: 2 });
    await client.paymentIntents.retrieve(intent.id);
    expect(sleeps).toEqual([1000, 2000]);
  });

  it("caps a long Retry-After at 8 s", async () => {
    const { client, sleeps } = scripted([fail(429, {}, { "Retry-After": "120" }), ok()], { maxRetries: 1 });
    await client.paymentIntents.retrieve(intent.id);
    expect(sleeps).toEqual([8000]);
  });

  it("falls back to its own back-off when Retry-After is not a number of seconds", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { client, sleeps } = scripted([fail(429, {}, { "Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT" }), ok()], { maxRetries: 1 });
    await client.paymentIntents.retrieve(intent.id);
    expect(sleeps).toEqual([250]);
  });

  it("does not sleep after the last try", async () => {
    const { client, sleeps, calls } = scripted([fail(503), fail(503)], { maxRetries: 1 });
    await caught(client.paymentIntents.retrieve(intent.id));
    expect(calls).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });
});
