import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_SECRET_KEY } from "@/lib/config";
import { ensurePayment, payAgain, syncOrder, type Payer, type PaymentDeps } from "@/lib/checkout/payment";
import { migrateToLatest, type Db } from "@/lib/db";
import { createOrder, getOrder, recordAndApplyEvent, type Order } from "@/lib/orders";
import { cancelPaymentIntent, decide } from "@/lib/sandbox/intents";
import { ensureDefaultEndpoint } from "@/lib/sandbox/webhooks";
import { WooshPay, eventSchema, type PaymentIntent } from "@/lib/wooshpay";
import { startSandbox, type RunningSandbox } from "../support/sandbox-server";
import { openTestDb } from "../support/test-db";

/**
 * Two app instances on one database (two handles; on Postgres, real concurrent connections): whatever
 * arrives at both at once, one intent per attempt, one application per event, one fulfilment per order.
 */
let sandbox: RunningSandbox;
let a: PaymentDeps;
let b: PaymentDeps;
const WEB: Payer = { terminal: { terminalType: "WEB" }, clientIp: "203.0.113.5" };

function deps(db: Db): PaymentDeps {
  return { db, gateway: new WooshPay(SANDBOX_SECRET_KEY, { apiBase: sandbox.url, maxRetries: 4 }), appUrl: "https://shop.example", timeoutSeconds: 840 };
}

beforeEach(async () => {
  sandbox = await startSandbox();
  a = deps(sandbox.db);
  // Postgres: a second pool, as a second instance has. SQLite serves one process, whose concurrent
  // requests interleave on its one connection: the same handle is the honest stand-in.
  b = deps(sandbox.engine === "postgres" ? sandbox.connectAgain() : sandbox.db);
});
afterEach(() => sandbox.close());

const lines = [{ productId: "jasmine-pearls", name: "Jasmine Dragon Pearls", unitAmount: 8800, quantity: 2 }];
let tokens = 0;
const newToken = () => `concurrency-${++tokens}-${Date.now()}`;

async function intentsOf(orderId: string): Promise<PaymentIntent[]> {
  const rows = await sandbox.db.selectFrom("sandbox_payment_intents").select("body").execute();
  return rows.map((r) => JSON.parse(r.body) as PaymentIntent).filter((i) => i.metadata?.order_id === orderId);
}

async function payInWallet(order: Order, decision: "pay" | "decline" = "pay") {
  return decide(sandbox.ctx, new URL(order.redirectUrl!).searchParams.get("codeValue")!, decision);
}

async function count(table: "fulfilments" | "orders" | "webhook_events", orderId?: string): Promise<number> {
  let q = sandbox.db.selectFrom(table as "fulfilments").select((eb) => eb.fn.countAll().as("n"));
  if (orderId && table !== "webhook_events") q = q.where(table === "orders" ? ("id" as "order_id") : "order_id", "=", orderId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

describe("two instances on one database", () => {
  it("the same checkout submitted to both at once makes one order and one intent", async () => {
    const token = newToken();
    const submit = async (instance: PaymentDeps) => ensurePayment(instance, await createOrder(instance.db, { checkoutToken: token, currency: "CNY", lines }), WEB);
    const [onA, onB] = await Promise.all([submit(a), submit(b)]);
    expect(onA.id).toBe(onB.id);
    expect(onA.paymentIntentId).toBe(onB.paymentIntentId);
    expect(await intentsOf(onA.id)).toHaveLength(1);
    expect(await sandbox.db.selectFrom("orders").select("id").where("checkout_token", "=", token).execute()).toHaveLength(1);
    expect(await sandbox.db.selectFrom("order_lines").select("position").where("order_id", "=", onA.id).execute()).toHaveLength(1);
  });

  it("pay again pressed on both at once starts one new attempt, and the old one is canceled", async () => {
    const order = await ensurePayment(a, await createOrder(a.db, { checkoutToken: newToken(), currency: "CNY", lines }), WEB);
    await payInWallet(order, "decline");
    const failed = await syncOrder(a, order);
    expect(failed.status).toBe("failed");

    const [onA, onB] = await Promise.all([payAgain(a, failed, WEB), payAgain(b, failed, WEB)]);
    expect(onA.paymentIntentId).toBe(onB.paymentIntentId);
    const intents = await intentsOf(order.id);
    expect(intents.map((i) => i.status).sort()).toEqual(["canceled", "requires_action"]);
    expect((await getOrder(sandbox.db, order.id))!).toMatchObject({ attempt: 2, status: "pending" });
  });

  it("the same event delivered to both at once, ten times over, is applied once", async () => {
    const order = await ensurePayment(a, await createOrder(a.db, { checkoutToken: newToken(), currency: "CNY", lines }), WEB);
    await payInWallet(order);
    const row = await sandbox.db.selectFrom("sandbox_events").select("body").where("type", "=", "payment_intent.succeeded").executeTakeFirstOrThrow();
    const event = eventSchema.parse(JSON.parse(row.body));
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => recordAndApplyEvent(i % 2 ? b.db : a.db, event)));
    expect(outcomes.filter((o) => o === "applied")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(9);
    expect(await count("fulfilments", order.id)).toBe(1);
    expect((await getOrder(sandbox.db, order.id))!.status).toBe("paid");
  });

  it("a webhook on one and a status poll on the other, racing, fulfil the order once", async () => {
    const order = await ensurePayment(a, await createOrder(a.db, { checkoutToken: newToken(), currency: "CNY", lines }), WEB);
    await payInWallet(order);
    const row = await sandbox.db.selectFrom("sandbox_events").select("body").where("type", "=", "payment_intent.succeeded").executeTakeFirstOrThrow();
    const event = eventSchema.parse(JSON.parse(row.body));
    const [, polled] = await Promise.all([recordAndApplyEvent(a.db, event), syncOrder(b, order), syncOrder(a, order)]);
    expect(polled.status).toBe("paid");
    expect(await count("fulfilments", order.id)).toBe(1);
  });

  it("both starting on a fresh database give the sandbox one default webhook endpoint, not two", async () => {
    await Promise.all([
      ensureDefaultEndpoint(sandbox.ctx, SANDBOX_SECRET_KEY, "http://a.example/api/webhooks/wooshpay", "whsec_x"),
      ensureDefaultEndpoint({ ...sandbox.ctx, db: b.db }, SANDBOX_SECRET_KEY, "http://b.example/api/webhooks/wooshpay", "whsec_x"),
    ]);
    expect(await sandbox.db.selectFrom("sandbox_webhook_endpoints").select("id").execute()).toHaveLength(1);
  });

  it("in the sandbox, a payment and a cancel racing end in one outcome with one event", async () => {
    for (let round = 0; round < 5; round++) {
      const order = await ensurePayment(a, await createOrder(a.db, { checkoutToken: newToken(), currency: "CNY", lines }), WEB);
      const ctxB = { ...sandbox.ctx, db: b.db };
      const code = new URL(order.redirectUrl!).searchParams.get("codeValue")!;
      await Promise.allSettled([decide(ctxB, code, "pay"), cancelPaymentIntent(sandbox.ctx, SANDBOX_SECRET_KEY, order.paymentIntentId!, {})]);
      const [intent] = await intentsOf(order.id);
      expect(["succeeded", "canceled"]).toContain(intent!.status);
      const finals = await sandbox.db
        .selectFrom("sandbox_events")
        .select(["type", "body"])
        .where("type", "in", ["payment_intent.succeeded", "payment_intent.canceled"])
        .execute();
      const mine = finals.filter((e) => e.body.includes(order.paymentIntentId!));
      expect(mine.map((e) => e.type)).toEqual([`payment_intent.${intent!.status}`]);
    }
  });
});

describe("migrations", () => {
  it("run once when several instances start at the same moment", async () => {
    const fresh = await openTestDb({ migrate: false });
    try {
      // SQLite in a file serves one instance; several instances share Postgres, which takes an advisory lock.
      const instances = fresh.engine === "postgres" ? [fresh.db, fresh.connectAgain(), fresh.connectAgain()] : [fresh.db, fresh.db];
      await Promise.all(instances.map((db) => migrateToLatest(db)));
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(fresh.db);
      expect(applied.rows.map((m) => m.name)).toEqual([
        "2026-11-25-01-orders-and-sandbox",
        "2026-11-25-02-webhooks-and-attempts",
        "2026-11-25-03-attempt-payer",
        "2026-11-25-04-sandbox-seeds",
      ]);
      await migrateToLatest(fresh.db);
    } finally {
      await fresh.drop();
    }
  });
});
