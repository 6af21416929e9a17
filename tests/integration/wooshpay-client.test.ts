import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_SECRET_KEY } from "@/lib/config";
import { decide } from "@/lib/sandbox/intents";
import {
  WooshPay,
  WooshPayAuthenticationError,
  WooshPayIdempotencyError,
  WooshPayInvalidRequestError,
} from "@/lib/wooshpay";
import { guideAppPaymentRequest, guideWebPaymentRequest, guideWebPaymentResponse } from "../fixtures/guide";
import { startSandbox, type RunningSandbox } from "../support/sandbox-server";

let sandbox: RunningSandbox;
let wooshpay: WooshPay;

beforeAll(async () => {
  sandbox = await startSandbox({ timeoutSeconds: 14 * 60 });
  wooshpay = new WooshPay(SANDBOX_SECRET_KEY, { apiBase: sandbox.url, maxRetries: 0 });
});
afterAll(() => sandbox.close());

function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  return typeof value;
}

async function raw(path: string, init: RequestInit & { key?: string | null } = {}) {
  const headers = new Headers(init.headers);
  if (init.key !== null) headers.set("Authorization", `Basic ${Buffer.from(`${init.key ?? SANDBOX_SECRET_KEY}:`).toString("base64")}`);
  const response = await fetch(`${sandbox.url}${path}`, { ...init, headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

describe("the WooshPay client against the sandbox over HTTP", () => {
  it("creates a WEB payment from the guide's request body and gets a response of the guide's shape", async () => {
    const response = await raw("/v1/payment_intents", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": "guide-web" },
      body: JSON.stringify(guideWebPaymentRequest),
    });
    expect(response.status).toBe(200);
    const { body } = response;
    // Every field the guide shows is there with the same type and nesting.
    const guideShape = shapeOf(guideWebPaymentResponse) as Record<string, unknown>;
    for (const [field, shape] of Object.entries(guideShape)) expect(shapeOf(body[field]), field).toEqual(shape);
    expect(body.id).toMatch(/^pi_\d{19}$/);
    expect(body.payment_method).toMatch(/^pm_\d{19}$/);
    expect(body.client_secret).toMatch(new RegExp(`^${body.id}_secret_\\w+$`));
    expect(Math.abs(body.created - Date.now())).toBeLessThan(60_000); // milliseconds, not seconds
    expect(body.status).toBe("requires_action");
    expect(body.livemode).toBe(false);
    expect(body.payment_method_options).toEqual(guideWebPaymentResponse.payment_method_options);
    expect(body.next_action.alipay_handle_redirect.url).toMatch(/\/alipay\/cashier\?codeValue=2816\w+$/);
  });

  it("creates an APP payment whose redirect hands over to the Alipay app", async () => {
    const intent = await wooshpay.paymentIntents.create(guideAppPaymentRequest);
    expect(intent.status).toBe("requires_action");
    expect(intent.payment_method_options?.alipay).toEqual({ terminal_type: "APP", os_type: "IOS", client_ip: "192.168.0.1" });
    const url = new URL(intent.next_action!.alipay_handle_redirect!.url);
    expect(url.pathname).toBe("/sandbox/alipay/render");
    expect(url.searchParams.get("scheme")).toMatch(/^alipays:\/\/platformapi\/startApp\?appId=10000007&actionType=route&qrcode=2816\w+$/);
  });

  it("accepts a form-encoded body as well as JSON", async () => {
    const form = new URLSearchParams({
      amount: "150",
      currency: "hkd",
      confirm: "true",
      "payment_method_options[alipay][terminal_type]": "APP",
      "payment_method_options[alipay][os_type]": "ANDROID",
      return_url: "https://shop.example/return",
      "metadata[order_id]": "123",
    });
    const response = await raw("/v1/payment_intents", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: form });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ amount: 150, currency: "HKD", metadata: { order_id: "123" }, status: "requires_action" });
  });

  it("retrieves and lists what it created", async () => {
    const created = await wooshpay.paymentIntents.create(guideWebPaymentRequest);
    const retrieved = await wooshpay.paymentIntents.retrieve(created.id);
    expect(retrieved).toEqual(created);
    const list = await wooshpay.paymentIntents.list({ limit: 2 });
    expect(list.object).toBe("list");
    expect(list.data[0]!.id).toBe(created.id);
    expect(list.data).toHaveLength(2);
    expect(list.has_more).toBe(true);
    const next = await wooshpay.paymentIntents.list({ limit: 100, starting_after: list.data[1]!.id });
    expect(next.data.map((i) => i.id)).not.toContain(created.id);
  });

  it("replays the first response when the same Idempotency-Key comes with the same parameters", async () => {
    const first = await wooshpay.paymentIntents.create(guideWebPaymentRequest, { idempotencyKey: "order-1-attempt-1" });
    const again = await wooshpay.paymentIntents.create(guideWebPaymentRequest, { idempotencyKey: "order-1-attempt-1" });
    expect(again).toEqual(first);
    const count = await sandbox.db.selectFrom("sandbox_payment_intents").select((eb) => eb.fn.countAll().as("n")).where("id", "=", first.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("answers 409 idempotency_error when a key is re-used with other parameters", async () => {
    await wooshpay.paymentIntents.create(guideWebPaymentRequest, { idempotencyKey: "order-2-attempt-1" });
    const error = await wooshpay.paymentIntents
      .create({ ...guideWebPaymentRequest, amount: 21 }, { idempotencyKey: "order-2-attempt-1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WooshPayIdempotencyError);
    expect(error).toMatchObject({ statusCode: 409, type: "idempotency_error" });
  });

  it("answers 401 with the error envelope for a missing or unknown key", async () => {
    const missing = await raw("/v1/payment_intents", { key: null });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ type: "invalid_request_error", code: "api_key_missing" });

    const stranger = new WooshPay("sk_test_not_a_key_the_sandbox_knows", { apiBase: sandbox.url, maxRetries: 0 });
    const error = await stranger.paymentIntents.retrieve("pi_1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WooshPayAuthenticationError);
    expect(error).toMatchObject({ statusCode: 401, code: "api_key_invalid" });
  });

  it.each([
    ["an unknown currency", { currency: "JPY" }, "currency"],
    ["an amount below the minimum", { amount: 0 }, "amount"],
    ["a fractional amount", { amount: 0.5 }, "amount"],
    ["a missing return_url", { return_url: undefined }, "return_url"],
    ["an unsupported terminal_type", { payment_method_options: { alipay: { terminal_type: "WAP" } } }, "payment_method_options[alipay][terminal_type]"],
    ["another payment method", { payment_method_types: ["card"] }, "payment_method_types[0]"],
  ])("answers 400 invalid_request_error naming the param for %s", async (_name, change, param) => {
    const error = await wooshpay.paymentIntents
      .create({ ...guideWebPaymentRequest, ...(change as object) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WooshPayInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, type: "invalid_request_error", param });
  });

  it("answers 404 resource_missing for an intent that does not exist", async () => {
    const error = await wooshpay.paymentIntents.retrieve("pi_404").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WooshPayInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });

  it("cancels an open intent, and refuses to cancel a paid one", async () => {
    const open = await wooshpay.paymentIntents.create(guideWebPaymentRequest);
    const canceled = await wooshpay.paymentIntents.cancel(open.id, { cancellation_reason: "abandoned" });
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "abandoned", next_action: null });

    const paid = await wooshpay.paymentIntents.create(guideWebPaymentRequest);
    const code = new URL(paid.next_action!.alipay_handle_redirect!.url).searchParams.get("codeValue")!;
    await decide(sandbox.ctx, code, "pay");
    const error = await wooshpay.paymentIntents.cancel(paid.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, code: "payment_intent_unexpected_state" });
    expect((await wooshpay.paymentIntents.retrieve(paid.id)).status).toBe("succeeded");
  });

  it("records a decline as requires_payment_method with last_payment_error", async () => {
    const intent = await wooshpay.paymentIntents.create(guideWebPaymentRequest);
    const code = new URL(intent.next_action!.alipay_handle_redirect!.url).searchParams.get("codeValue")!;
    await decide(sandbox.ctx, code, "decline");
    const declined = await wooshpay.paymentIntents.retrieve(intent.id);
    expect(declined.status).toBe("requires_payment_method");
    expect(declined.last_payment_error).toMatchObject({ type: "card_error" });
    expect(declined.next_action).toBeNull();
  });

  it("expires an unpaid intent after the timeout as canceled with cancellation_reason expired", async () => {
    const intent = await wooshpay.paymentIntents.create(guideWebPaymentRequest);
    sandbox.clock.now += 14 * 60 * 1000 - 1;
    expect((await wooshpay.paymentIntents.retrieve(intent.id)).status).toBe("requires_action");
    sandbox.clock.now += 1;
    const expired = await wooshpay.paymentIntents.retrieve(intent.id);
    expect(expired).toMatchObject({ status: "canceled", cancellation_reason: "expired", next_action: null });
    const code = new URL(intent.next_action!.alipay_handle_redirect!.url).searchParams.get("codeValue")!;
    expect((await decide(sandbox.ctx, code, "pay"))?.status).toBe("canceled");
  });
});
