import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensurePayment, idempotencyKey, payAgain, paymentIntentParams, returnUrl, syncOrder, type Payer, type PaymentDeps } from "@/lib/checkout/payment";
import { SANDBOX_SECRET_KEY } from "@/lib/config";
import { OrderConflictError, beginAttempt, createOrder, getOrder, type Order } from "@/lib/orders";
import { decide } from "@/lib/sandbox/intents";
import { WooshPay, WooshPayConnectionError, type PaymentIntent, type PaymentIntentCreateParams } from "@/lib/wooshpay";
import { startSandbox, type RunningSandbox } from "../support/sandbox-server";

const TIMEOUT_SECONDS = 840;
const APP_URL = "https://shop.example";

const WEB: Payer = { terminal: { terminalType: "WEB" }, clientIp: "203.0.113.7" };
const APP: Payer = { terminal: { terminalType: "APP", osType: "IOS" }, clientIp: "198.51.100.2" };

let sandbox: RunningSandbox;
let deps: PaymentDeps;
let gatewayRequests: { method: string; url: string }[];

/** A client that talks to the sandbox over HTTP, counting what it sends. */
function client(fetchImpl: typeof fetch = fetch, maxRetries = 0): WooshPay {
  return new WooshPay(SANDBOX_SECRET_KEY, {
    apiBase: sandbox.url,
    maxRetries,
    sleep: async () => {},
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      gatewayRequests.push({ method: init?.method ?? "GET", url: String(input) });
      return fetchImpl(input, init);
    }) as typeof fetch,
  });
}

beforeEach(async () => {
  sandbox = await startSandbox({ timeoutSeconds: TIMEOUT_SECONDS });
  gatewayRequests = [];
  deps = { db: sandbox.db, gateway: client(), appUrl: APP_URL, timeoutSeconds: TIMEOUT_SECONDS };
});
afterEach(() => sandbox.close());

let tokenCounter = 0;
function newOrder(currency = "CNY"): Promise<Order> {
  return createOrder(sandbox.db, {
    checkoutToken: `checkout-${++tokenCounter}`,
    currency,
    lines: [
      { productId: "longjing-green-tea", name: "West Lake Longjing Green Tea", unitAmount: 16800, quantity: 2 },
      { productId: "red-paper-lantern", name: "Red Paper Lantern", unitAmount: 3800, quantity: 1 },
    ],
  });
}
const ORDER_AMOUNT = 16800 * 2 + 3800;

async function intentsInSandbox(): Promise<PaymentIntent[]> {
  const rows = await sandbox.db.selectFrom("sandbox_payment_intents").select("body").orderBy("created").orderBy("id").execute();
  return rows.map((r) => JSON.parse(r.body) as PaymentIntent);
}

async function codeOf(intentId: string): Promise<string> {
  const row = await sandbox.db.selectFrom("sandbox_payment_intents").select("code").where("id", "=", intentId).executeTakeFirstOrThrow();
  return row.code;
}

/** The shopper's choice in the (simulated) Alipay app. */
async function shopper(order: Order, decision: "pay" | "decline"): Promise<PaymentIntent> {
  const result = await decide(sandbox.ctx, await codeOf(order.paymentIntentId!), decision);
  return result!;
}

async function stored(order: Order): Promise<Order> {
  return (await getOrder(sandbox.db, order.id))!;
}

/** What createIntent sends, key for key and in the same order, so that the sandbox sees the same request. */
function createParamsFor(order: Order, payer: Payer): PaymentIntentCreateParams {
  return paymentIntentParams(APP_URL, order, payer);
}

describe("returnUrl and idempotencyKey", () => {
  it("sends the shopper back to the return page with the order id", () => {
    expect(returnUrl("https://shop.example", "LP-ABC")).toBe("https://shop.example/checkout/return?order=LP-ABC");
  });

  it("escapes the order id in the return URL", () => {
    expect(returnUrl("https://shop.example", "a&b=c d")).toBe("https://shop.example/checkout/return?order=a%26b%3Dc%20d");
  });

  it("derives one key per order and attempt", () => {
    expect(idempotencyKey({ id: "LP-ABC", attempt: 1 })).toBe("LP-ABC-attempt-1");
    expect(idempotencyKey({ id: "LP-ABC", attempt: 2 })).not.toBe(idempotencyKey({ id: "LP-ABC", attempt: 1 }));
    expect(idempotencyKey({ id: "LP-XYZ", attempt: 1 })).not.toBe(idempotencyKey({ id: "LP-ABC", attempt: 1 }));
  });
});

describe("ensurePayment", () => {
  it("creates exactly one Alipay intent from the order and the payer, and records it on the order", async () => {
    const order = await newOrder();
    const paying = await ensurePayment(deps, order, WEB);

    const intents = await intentsInSandbox();
    expect(intents).toHaveLength(1);
    const intent = intents[0]!;
    expect(intent).toMatchObject({
      amount: ORDER_AMOUNT,
      currency: "CNY",
      status: "requires_action",
      return_url: `${APP_URL}/checkout/return?order=${order.id}`,
      merchant_order_id: order.id,
      metadata: { order_id: order.id, attempt: "1" },
      payment_method_types: ["alipay"],
    });
    expect(intent.payment_method_options?.alipay).toMatchObject({ terminal_type: "WEB", client_ip: "203.0.113.7" });

    expect(paying).toMatchObject({
      id: order.id,
      status: "pending",
      attempt: 1,
      paymentIntentId: intent.id,
      redirectUrl: intent.next_action!.alipay_handle_redirect!.url,
      terminalType: "WEB",
      paymentExpiresAt: intent.created + TIMEOUT_SECONDS * 1000,
    });
    expect(paying.redirectUrl).toMatch(/\/sandbox\/alipay\/cashier\?codeValue=2816\w+$/);
    expect(paying.paymentExpiresAt).toBe(sandbox.clock.now + TIMEOUT_SECONDS * 1000);
    expect(await stored(order)).toEqual(paying);
  });

  it("passes an APP payer's terminal and OS to Alipay and stores the hand-off URL", async () => {
    const order = await newOrder("HKD");
    const paying = await ensurePayment(deps, order, APP);
    const intent = await deps.gateway.paymentIntents.retrieve(paying.paymentIntentId!);
    expect(intent.currency).toBe("HKD");
    expect(intent.payment_method_options?.alipay).toEqual({ terminal_type: "APP", os_type: "IOS", client_ip: "198.51.100.2" });
    expect(paying.terminalType).toBe("APP");
    expect(new URL(paying.redirectUrl!).pathname).toBe("/sandbox/alipay/render");
  });

  it("sends the order's idempotency key with the create", async () => {
    const order = await newOrder();
    const paying = await ensurePayment(deps, order, WEB);
    const keys = await sandbox.db.selectFrom("sandbox_idempotency_keys").select("key").execute();
    expect(keys.map((k) => k.key)).toEqual([idempotencyKey(paying)]);
    expect(idempotencyKey(paying)).toBe(`${order.id}-attempt-1`);
  });

  it("returns the same intent when called again, without asking the gateway", async () => {
    const order = await newOrder();
    const first = await ensurePayment(deps, order, WEB);
    const requestsBefore = gatewayRequests.length;
    const second = await ensurePayment(deps, first, WEB);
    const third = await ensurePayment(deps, await stored(order), APP);
    expect(second.paymentIntentId).toBe(first.paymentIntentId);
    expect(third.paymentIntentId).toBe(first.paymentIntentId);
    expect(third.attempt).toBe(1);
    expect(await intentsInSandbox()).toHaveLength(1);
    expect(gatewayRequests.length).toBe(requestsBefore);
  });

  it("replays the intent of an attempt that was begun but never recorded", async () => {
    const order = await beginAttempt(sandbox.db, await newOrder());
    // The intent was created, then the process died before recording it.
    const lost = await deps.gateway.paymentIntents.create(createParamsFor(order, WEB), { idempotencyKey: idempotencyKey(order) });
    expect((await stored(order)).paymentIntentId).toBeNull();

    const paying = await ensurePayment(deps, order, WEB);
    expect(paying.paymentIntentId).toBe(lost.id);
    expect(paying.attempt).toBe(1);
    expect(paying.redirectUrl).toBe(lost.next_action!.alipay_handle_redirect!.url);
    expect(await intentsInSandbox()).toHaveLength(1);
  });

  it("replays the attempt's own intent when the retry comes from another device, instead of failing or charging twice", async () => {
    const order = await beginAttempt(sandbox.db, await newOrder(), Date.now(), { terminalType: "APP", osType: "IOS", clientIp: APP.clientIp });
    const lost = await deps.gateway.paymentIntents.create(createParamsFor(order, APP), { idempotencyKey: idempotencyKey(order) });

    const paying = await ensurePayment(deps, order, WEB);
    expect(paying).toMatchObject({ attempt: 1, paymentIntentId: lost.id, terminalType: "APP" });
    expect(await intentsInSandbox()).toHaveLength(1);
  });

  it("replays the intent when the create's answer was lost on the way back", async () => {
    let dropNextAnswer = true;
    const flaky = client(async (input, init) => {
      const response = await fetch(input, init);
      if (dropNextAnswer) {
        dropNextAnswer = false;
        throw new TypeError("socket hang up");
      }
      return response;
    });
    const order = await newOrder();
    const error = await ensurePayment({ ...deps, gateway: flaky }, order, WEB).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WooshPayConnectionError);
    const [created] = await intentsInSandbox();
    const half = await stored(order);
    expect(half).toMatchObject({ attempt: 1, status: "pending", paymentIntentId: null });

    const paying = await ensurePayment(deps, half, WEB);
    expect(paying.paymentIntentId).toBe(created!.id);
    expect(await intentsInSandbox()).toHaveLength(1);
  });

  it("lets the client's own retry replay the intent when an answer is lost", async () => {
    let dropNextAnswer = true;
    const retrying = client(async (input, init) => {
      const response = await fetch(input, init);
      if (dropNextAnswer) {
        dropNextAnswer = false;
        throw new TypeError("socket hang up");
      }
      return response;
    }, 1);
    const order = await newOrder();
    const paying = await ensurePayment({ ...deps, gateway: retrying }, order, WEB);
    const intents = await intentsInSandbox();
    expect(intents).toHaveLength(1);
    expect(paying.paymentIntentId).toBe(intents[0]!.id);
  });

  it("creates one intent when Pay is pressed twice at once, and both presses land on it", async () => {
    const order = await newOrder();
    // As the app is configured: the loser waits out the winner's request with the client's back-off.
    const gateway = new WooshPay(SANDBOX_SECRET_KEY, { apiBase: sandbox.url, maxRetries: 4 });
    const [first, second] = await Promise.all([ensurePayment({ ...deps, gateway }, order, WEB), ensurePayment({ ...deps, gateway }, order, WEB)]);
    expect(await intentsInSandbox()).toHaveLength(1);
    const [intent] = await intentsInSandbox();
    expect(first.paymentIntentId).toBe(intent!.id);
    expect(second.paymentIntentId).toBe(intent!.id);
    expect((await stored(order)).paymentIntentId).toBe(intent!.id);
  });

  it("does nothing for a paid order", async () => {
    const paying = await ensurePayment(deps, await newOrder(), WEB);
    await shopper(paying, "pay");
    const paid = await syncOrder(deps, paying);
    const requestsBefore = gatewayRequests.length;
    expect(await ensurePayment(deps, paid, WEB)).toEqual(paid);
    expect(gatewayRequests.length).toBe(requestsBefore);
    expect(await intentsInSandbox()).toHaveLength(1);
  });
});

describe("syncOrder", () => {
  it("marks the order paid after the shopper pays in Alipay", async () => {
    const paying = await ensurePayment(deps, await newOrder(), WEB);
    await shopper(paying, "pay");
    const synced = await syncOrder(deps, paying);
    expect(synced).toMatchObject({ status: "paid", lastError: null, paymentIntentId: paying.paymentIntentId });
    expect(synced.paidAt).toEqual(expect.any(Number));
    expect(await stored(paying)).toEqual(synced);
  });

  it("marks the order failed with the reason after the shopper declines", async () => {
    const paying = await ensurePayment(deps, await newOrder(), WEB);
    await shopper(paying, "decline");
    const synced = await syncOrder(deps, paying);
    expect(synced).toMatchObject({ status: "failed", lastError: "The shopper declined the payment in Alipay.", paidAt: null });
    expect((await stored(paying)).status).toBe("failed");
  });

  it("keeps the order pending while the shopper has not decided", async () => {
    const paying = await ensurePayment(deps, await newOrder(), WEB);
    sandbox.clock.now += TIMEOUT_SECONDS * 1000 - 1;
    expect(await syncOrder(deps, paying)).toEqual(paying);
  });

  it("marks the order expired once the sandbox clock passes the timeout", async () => {
    const paying = await ensurePayment(deps, await newOrder(), WEB);
    sandbox.clock.now += TIMEOUT_SECONDS * 1000;
    const synced = await syncOrder(deps, paying);
    expect(synced).toMatchObject({ status: "expired", lastError: null, paidAt: null });
    const intent = await deps.gateway.paymentIntents.retrieve(paying.paymentIntentId!);
    expect(intent).toMatchObject({ status: "canceled", cancellation_reason: "expired" });
  });

  it("does not ask the gateway about an order that is final or has no intent", async () => {
    const fresh = await newOrder();
    expect(await syncOrder(deps, fresh)).toEqual(fresh);
    const paying = await ensurePayment(deps, await newOrder(), WEB);
    await shopper(paying, "decline");
    const failed = await syncOrder(deps, paying);
    const requestsBefore = gatewayRequests.length;
    expect(await syncOrder(deps, failed)).toEqual(failed);
    expect(gatewayRequests.length).toBe(requestsBefore);
  });
});

describe("payAgain", () => {
  it("after a decline cancels the old intent and starts attempt 2 with a new one", async () => {
    const paying = await ensurePayment(deps, await newOrder(), WEB);
    await shopper(paying, "decline");
    const failed = await syncOrder(deps, paying);

    const again = await payAgain(deps, failed, WEB);
    const old = await deps.gateway.paymentIntents.retrieve(paying.paymentIntentId!);
    expect(old).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" });

    expect(again).toMatchObject({ status: "pending", attempt: 2, lastError: null, terminalType: "WEB" });
    expect(again.paymentIntentId).not.toBe(paying.paymentIntentId);
    const intents = await intentsInSandbox();
    expect(intents).toHaveLength(2);
    const fresh = intents.find((i) => i.id === again.paymentIntentId)!;
    expect(fresh).toMatchObject({ status: "requires_action", amount: ORDER_AMOUNT, metadata: { order_id: paying.id, attempt: "2" } });
    expect(again.redirectUrl).toBe(fresh.next_action!.alipay_handle_redirect!.url);

    const keys = (await sandbox.db.selectFrom("sandbox_idempotency_keys").select("key").execute()).map((k) => k.key).sort();
    expect(keys).toEqual([`${paying.id}-attempt-1`, `${paying.id}-attempt-1-cancel`, `${paying.id}-attempt-2`].sort());
  });

  it("after a decline the order can still be paid with the new intent", async () => {
    const paying = await ensurePayment(deps, await newOrder(), WEB);
    await shopper(paying, "decline");
    const again = await payAgain(deps, await syncOrder(deps, paying), APP);
    expect(again.terminalType).toBe("APP");
    await shopper(again, "pay");
    expect(await syncOrder(deps, again)).toMatchObject({ status: "paid", attempt: 2, lastError: null });
  });

  it("after a decline it has not yet heard of, still starts a fresh attempt", async () => {
    const paying = await ensurePayment(deps, await newOrder(), WEB);
    await shopper(paying, "decline");
    const again = await payAgain(deps, paying, WEB);
    expect(again).toMatchObject({ status: "pending", attempt: 2 });
    expect(await intentsInSandbox()).toHaveLength(2);
  });

  it("when the shopper left Alipay unpaid, cancels the open intent so it can no longer take money", async () => {
    const paying = await ensurePayment(deps, await newOrder(), WEB);
    const again = await payAgain(deps, paying, WEB);
    expect(again).toMatchObject({ status: "pending", attempt: 2 });
    // The old QR code is dead: paying it changes nothing.
    const late = await shopper(paying, "pay");
    expect(late.status).toBe("canceled");
    expect(await syncOrder(deps, again)).toMatchObject({ status: "pending", attempt: 2, paymentIntentId: again.paymentIntentId });
  });

  it("on a pending order whose intent was meanwhile paid, marks the order paid and creates no new intent", async () => {
    const paying = await ensurePayment(deps, await newOrder(), WEB);
    await shopper(paying, "pay");
    const result = await payAgain(deps, paying, WEB);
    expect(result).toMatchObject({ status: "paid", attempt: 1, paymentIntentId: paying.paymentIntentId });
    expect(result.paidAt).toEqual(expect.any(Number));
    const intents = await intentsInSandbox();
    expect(intents).toHaveLength(1);
    expect(intents[0]!.status).toBe("succeeded");
    expect(await stored(paying)).toEqual(result);
  });

  it("after expiry creates a fresh intent on attempt 2", async () => {
    const paying = await ensurePayment(deps, await newOrder(), WEB);
    sandbox.clock.now += TIMEOUT_SECONDS * 1000 + 5000;
    const expired = await syncOrder(deps, paying);
    expect(expired.status).toBe("expired");

    const again = await payAgain(deps, expired, WEB);
    expect(again).toMatchObject({ status: "pending", attempt: 2, lastError: null });
    expect(again.paymentIntentId).not.toBe(paying.paymentIntentId);
    expect(again.paymentExpiresAt).toBe(sandbox.clock.now + TIMEOUT_SECONDS * 1000);
    const fresh = await deps.gateway.paymentIntents.retrieve(again.paymentIntentId!);
    expect(fresh).toMatchObject({ status: "requires_action", metadata: { attempt: "2" } });
    const old = await deps.gateway.paymentIntents.retrieve(paying.paymentIntentId!);
    expect(old).toMatchObject({ status: "canceled", cancellation_reason: "expired" });
    expect(await intentsInSandbox()).toHaveLength(2);
  });

  it("after an expiry it has not yet heard of, learns it and creates a fresh intent", async () => {
    const paying = await ensurePayment(deps, await newOrder(), WEB);
    sandbox.clock.now += TIMEOUT_SECONDS * 1000;
    const again = await payAgain(deps, paying, WEB);
    expect(again).toMatchObject({ status: "pending", attempt: 2 });
    expect(again.paymentIntentId).not.toBe(paying.paymentIntentId);
    expect((await deps.gateway.paymentIntents.retrieve(again.paymentIntentId!)).status).toBe("requires_action");
  });

  it("does nothing for a paid order", async () => {
    const paying = await ensurePayment(deps, await newOrder(), WEB);
    await shopper(paying, "pay");
    const paid = await syncOrder(deps, paying);
    const requestsBefore = gatewayRequests.length;
    expect(await payAgain(deps, paid, WEB)).toEqual(paid);
    expect(gatewayRequests.length).toBe(requestsBefore);
    expect(await intentsInSandbox()).toHaveLength(1);
  });
});
