import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_SECRET_KEY } from "@/lib/config";
import { ensurePayment, syncPendingOrders, type PaymentDeps } from "@/lib/checkout/payment";
import { applyPaymentIntent, createOrder, getFulfilment, getOrder, listPaymentAttempts, receiveWebhook, type Order } from "@/lib/orders";
import { decide } from "@/lib/sandbox/intents";
import { createWebhookEndpoint, deliverDueWebhooks, deliveryLog, ensureDefaultEndpoint, updateWebhookEndpoint } from "@/lib/sandbox/webhooks";
import { WooshPay, signPayload, type PaymentIntent } from "@/lib/wooshpay";
import { startSandbox, type RunningSandbox } from "../support/sandbox-server";
import { startWebhookReceiver, type Receiver } from "../support/webhook-receiver";

const SECRET = "whsec_integration_test";
let sandbox: RunningSandbox;
let receiver: Receiver;
let deps: PaymentDeps;

beforeEach(async () => {
  sandbox = await startSandbox();
  sandbox.ctx.webhookRetryScale = 0.001; // 1 minute between the first tries becomes 60 ms of sandbox clock
  receiver = await startWebhookReceiver(sandbox.db, SECRET, () => Math.floor(sandbox.clock.now / 1000));
  deps = {
    db: sandbox.db,
    gateway: new WooshPay(SANDBOX_SECRET_KEY, { apiBase: sandbox.url, maxRetries: 0 }),
    appUrl: "https://shop.example",
    timeoutSeconds: 840,
  };
});
afterEach(async () => {
  await receiver.close();
  await sandbox.close();
});

let tokens = 0;
async function newPaidableOrder(): Promise<{ order: Order; code: string }> {
  const order = await createOrder(sandbox.db, {
    checkoutToken: `token-${++tokens}-${Date.now()}`,
    currency: "CNY",
    lines: [{ productId: "jasmine-pearls", name: "Jasmine Dragon Pearls", unitAmount: 8800, quantity: 1 }],
  });
  const withIntent = await ensurePayment(deps, order, { terminal: { terminalType: "WEB" }, clientIp: "203.0.113.9" });
  return { order: withIntent, code: new URL(withIntent.redirectUrl!).searchParams.get("codeValue")! };
}

/** Runs the sandbox's delivery worker until nothing is due, moving its clock past each retry. */
async function drainDeliveries(maxRounds = 40) {
  for (let round = 0; round < maxRounds; round++) {
    await deliverDueWebhooks(sandbox.ctx);
    const pending = await sandbox.db.selectFrom("sandbox_webhook_deliveries").select("id").where("status", "=", "pending").execute();
    if (pending.length === 0) return;
    sandbox.clock.now += 60_000;
  }
}

async function eventsOf(intentId: string): Promise<{ id: string; type: string; body: string }[]> {
  const rows = await sandbox.db.selectFrom("sandbox_events").select(["id", "type", "body"]).orderBy("created").orderBy("id").execute();
  return rows.filter((r) => (JSON.parse(r.body) as { data: { object: { id: string } } }).data.object.id === intentId);
}

function deliver(body: string) {
  return receiveWebhook({ db: sandbox.db, secret: SECRET }, body, signPayload(body, SECRET, Math.floor(Date.now() / 1000)));
}

describe("webhooks from the sandbox to the app", () => {
  it("delivers every event of a payment, signed, and the order ends paid and fulfilled once", async () => {
    await createWebhookEndpoint(sandbox.ctx, SANDBOX_SECRET_KEY, { url: receiver.url, enabled_events: ["*"] }, { secret: SECRET });
    const { order, code } = await newPaidableOrder();
    await decide(sandbox.ctx, code, "pay");
    await drainDeliveries();

    expect((await getOrder(sandbox.db, order.id))!.status).toBe("paid");
    expect(await getFulfilment(sandbox.db, order.id)).toMatchObject({ paymentIntentId: order.paymentIntentId });
    const log = await deliveryLog(sandbox.ctx);
    expect(log.map((d) => d.eventType).sort()).toEqual(["payment_intent.created", "payment_intent.requires_action", "payment_intent.succeeded"]);
    expect(log.every((d) => d.status === "succeeded" && d.attempts.length === 1 && d.attempts[0]!.statusCode === 200)).toBe(true);
    const events = await sandbox.db.selectFrom("webhook_events").select(["id", "processed_at"]).execute();
    expect(events).toHaveLength(3);
  });

  it("fulfils once when the same event is delivered ten times", async () => {
    const { order, code } = await newPaidableOrder();
    await decide(sandbox.ctx, code, "pay");
    const succeeded = (await eventsOf(order.paymentIntentId!)).find((e) => e.type === "payment_intent.succeeded")!;
    const replies = [];
    for (let i = 0; i < 10; i++) replies.push(await deliver(succeeded.body));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(replies.map((r) => r.body.outcome)).toEqual(["applied", ...Array(9).fill("duplicate")]);
    const fulfilments = await sandbox.db.selectFrom("fulfilments").selectAll().where("order_id", "=", order.id).execute();
    expect(fulfilments).toHaveLength(1);
    expect((await getOrder(sandbox.db, order.id))!.status).toBe("paid");
  });

  it("reaches the right final state whatever order the events of one payment arrive in", async () => {
    const permutations = <T,>(items: T[]): T[][] =>
      items.length <= 1 ? [items] : items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
    for (const [decision, expected] of [
      ["pay", "paid"],
      ["decline", "failed"],
    ] as const) {
      const { order, code } = await newPaidableOrder();
      await decide(sandbox.ctx, code, decision);
      const events = await eventsOf(order.paymentIntentId!);
      expect(events).toHaveLength(3);
      const orders = permutations(events);
      expect(orders).toHaveLength(6);
      for (const sequence of orders) {
        // Each sequence plays against a fresh copy of the order's state.
        await sandbox.db.deleteFrom("webhook_events").execute();
        await sandbox.db.deleteFrom("fulfilments").execute();
        await sandbox.db.updateTable("orders").set({ status: "pending", paid_at: null, paid_payment_intent_id: null, last_error: null }).where("id", "=", order.id).execute();
        for (const event of sequence) expect((await deliver(event.body)).status).toBe(200);
        expect((await getOrder(sandbox.db, order.id))!.status, sequence.map((e) => e.type).join(" → ")).toBe(expected);
      }
    }
  });

  it("refuses forged webhooks with 400 and changes nothing", async () => {
    const { order, code } = await newPaidableOrder();
    await decide(sandbox.ctx, code, "pay");
    const succeeded = (await eventsOf(order.paymentIntentId!)).find((e) => e.type === "payment_intent.succeeded")!;
    const now = Math.floor(Date.now() / 1000);
    const forged = [
      await receiveWebhook({ db: sandbox.db, secret: SECRET }, succeeded.body.replace('"livemode":false', '"livemode":true '), signPayload(succeeded.body, SECRET, now)),
      await receiveWebhook({ db: sandbox.db, secret: SECRET }, succeeded.body, signPayload(succeeded.body, "whsec_wrong", now)),
      await receiveWebhook({ db: sandbox.db, secret: SECRET }, succeeded.body, signPayload(succeeded.body, SECRET, now - 301)),
      await receiveWebhook({ db: sandbox.db, secret: SECRET }, succeeded.body, signPayload(succeeded.body, SECRET, now + 301)),
      await receiveWebhook({ db: sandbox.db, secret: SECRET }, succeeded.body, "t=oops"),
      await receiveWebhook({ db: sandbox.db, secret: SECRET }, succeeded.body, null),
      await receiveWebhook({ db: sandbox.db, secret: "" }, succeeded.body, signPayload(succeeded.body, "", now)),
    ];
    expect(forged.map((r) => r.status)).toEqual(Array(7).fill(400));
    expect(await sandbox.db.selectFrom("webhook_events").selectAll().execute()).toHaveLength(0);
    expect((await getOrder(sandbox.db, order.id))!.status).toBe("pending");
  });

  it("retries while the app's route answers 500, and the order ends right once it recovers", async () => {
    await createWebhookEndpoint(sandbox.ctx, SANDBOX_SECRET_KEY, { url: receiver.url, enabled_events: ["payment_intent.succeeded"] }, { secret: SECRET });
    const { order, code } = await newPaidableOrder();
    receiver.failNext = 3;
    await decide(sandbox.ctx, code, "pay");
    await drainDeliveries();

    const [delivery] = await deliveryLog(sandbox.ctx);
    expect(delivery!.eventType).toBe("payment_intent.succeeded");
    expect(delivery!.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 200]);
    expect(delivery!.status).toBe("succeeded");
    // Back-off: each wait at least as long as the one before.
    const gaps = delivery!.attempts.slice(1).map((a, i) => a.attemptedAt - delivery!.attempts[i]!.attemptedAt);
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    expect((await getOrder(sandbox.db, order.id))!.status).toBe("paid");
  });

  it("keeps deliveries across a restart: an endpoint that was down gets the event later", async () => {
    const endpoint = await createWebhookEndpoint(sandbox.ctx, SANDBOX_SECRET_KEY, { url: receiver.url, enabled_events: ["payment_intent.succeeded"] }, { secret: SECRET });
    const { order, code } = await newPaidableOrder();
    await receiver.close();
    await decide(sandbox.ctx, code, "pay");
    await deliverDueWebhooks(sandbox.ctx);
    const [failed] = await deliveryLog(sandbox.ctx);
    expect(failed!.attempts[0]).toMatchObject({ statusCode: null });
    expect(failed!.status).toBe("pending");

    // A new process: a new context over the same database, and the app listening again.
    receiver = await startWebhookReceiver(sandbox.db, SECRET, () => Math.floor(sandbox.clock.now / 1000));
    await updateWebhookEndpoint(sandbox.ctx, SANDBOX_SECRET_KEY, endpoint.id, { url: receiver.url });
    const restarted = { ...sandbox.ctx };
    sandbox.clock.now += 120_000;
    await deliverDueWebhooks(restarted);
    expect((await deliveryLog(restarted))[0]!.status).toBe("succeeded");
    expect((await getOrder(sandbox.db, order.id))!.status).toBe("paid");
  });

  it("reaches paid through reconciliation when webhooks are lost (endpoint disabled)", async () => {
    const endpoint = await createWebhookEndpoint(sandbox.ctx, SANDBOX_SECRET_KEY, { url: receiver.url, enabled_events: ["*"] }, { secret: SECRET });
    await updateWebhookEndpoint(sandbox.ctx, SANDBOX_SECRET_KEY, endpoint.id, { disabled: true });
    const { order, code } = await newPaidableOrder();
    await decide(sandbox.ctx, code, "pay");
    await drainDeliveries();
    expect(receiver.received).toBe(0);
    expect((await getOrder(sandbox.db, order.id))!.status).toBe("pending");

    expect(await syncPendingOrders(deps)).toBe(1);
    expect((await getOrder(sandbox.db, order.id))!.status).toBe("paid");
    expect(await getFulfilment(sandbox.db, order.id)).toBeDefined();
  });

  it("gives a fresh sandbox one endpoint for the app's route, and not again once one exists", async () => {
    await ensureDefaultEndpoint(sandbox.ctx, SANDBOX_SECRET_KEY, receiver.url, SECRET);
    await ensureDefaultEndpoint(sandbox.ctx, SANDBOX_SECRET_KEY, "https://elsewhere.example/hook", SECRET);
    const endpoints = await sandbox.db.selectFrom("sandbox_webhook_endpoints").selectAll().execute();
    expect(endpoints.map((e) => e.url)).toEqual([receiver.url]);
  });
});

describe("several attempts of one order", () => {
  function intent(id: string, status: PaymentIntent["status"], orderId: string, attempt: number): PaymentIntent {
    return {
      id,
      object: "payment_intent",
      created: Date.now(),
      amount: 8800,
      currency: "CNY",
      status,
      livemode: false,
      payment_method_types: ["alipay"],
      metadata: { order_id: orderId, attempt: String(attempt) },
      last_payment_error: null,
      cancellation_reason: null,
    };
  }

  it("pays the order once and records an older attempt that also succeeded as a duplicate charge", async () => {
    const { order } = await newPaidableOrder();
    const first = order.paymentIntentId!;
    const second = "pi_second_attempt";
    await sandbox.db.updateTable("orders").set({ attempt: 2, payment_intent_id: second }).where("id", "=", order.id).execute();

    await applyPaymentIntent(sandbox.db, order.id, intent(second, "succeeded", order.id, 2));
    await applyPaymentIntent(sandbox.db, order.id, intent(first, "succeeded", order.id, 1));
    await applyPaymentIntent(sandbox.db, order.id, intent(first, "succeeded", order.id, 1));

    const paid = (await getOrder(sandbox.db, order.id))!;
    expect(paid).toMatchObject({ status: "paid", paidPaymentIntentId: second });
    expect(await sandbox.db.selectFrom("fulfilments").selectAll().where("order_id", "=", order.id).execute()).toHaveLength(1);
    const attempts = await listPaymentAttempts(sandbox.db, order.id);
    expect(attempts.find((a) => a.paymentIntentId === first)).toMatchObject({ status: "succeeded", duplicateCharge: true });
    expect(attempts.find((a) => a.paymentIntentId === second)).toMatchObject({ status: "succeeded", duplicateCharge: false });
  });
});
