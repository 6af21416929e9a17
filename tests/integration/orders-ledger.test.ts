import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import {
  OrderConflictError,
  applyPaymentIntent,
  beginAttempt,
  createOrder,
  findOrderByCheckoutToken,
  getOrder,
  recordPaymentIntent,
  type Order,
  type OrderLine,
} from "@/lib/orders";
import type { PaymentIntent } from "@/lib/wooshpay/schemas";
import { openTestDb, type TestDb } from "../support/test-db";

let db: Db;
let testDb: TestDb;

beforeEach(async () => {
  testDb = await openTestDb();
  db = testDb.db;
});
afterEach(async () => {
  await testDb.drop();
});

const T0 = 1_800_000_000_000;

const LINES: OrderLine[] = [
  { productId: "longjing-green-tea", name: "West Lake Longjing Green Tea", unitAmount: 16800, quantity: 2 },
  { productId: "yixing-clay-teapot", name: "Yixing Clay Teapot", unitAmount: 88000, quantity: 1 },
  { productId: "red-paper-lantern", name: "Red Paper Lantern", unitAmount: 3800, quantity: 3 },
];
const LINES_TOTAL = 16800 * 2 + 88000 + 3800 * 3;

let tokenCounter = 0;
function newOrder(overrides: { checkoutToken?: string; lines?: OrderLine[]; now?: number } = {}): Promise<Order> {
  return createOrder(db, { checkoutToken: overrides.checkoutToken ?? `token-${++tokenCounter}`, currency: "CNY", lines: overrides.lines ?? LINES, now: overrides.now ?? T0 });
}

function intent(id: string, overrides: Partial<PaymentIntent> = {}): PaymentIntent {
  return {
    id,
    object: "payment_intent",
    created: T0,
    amount: LINES_TOTAL,
    currency: "CNY",
    status: "requires_action",
    livemode: false,
    payment_method_types: ["alipay"],
    next_action: { type: "redirect_to_url", alipay_handle_redirect: { url: `https://sandbox.example/alipay/cashier?codeValue=2816${id}` } },
    last_payment_error: null,
    cancellation_reason: null,
    ...overrides,
  };
}
const succeeded = (id: string) => intent(id, { status: "succeeded", next_action: null });
const declined = (id: string, message: string | null = "The shopper declined the payment in Alipay.") =>
  intent(id, { status: "requires_payment_method", next_action: null, last_payment_error: { type: "card_error", code: "payment_method_provider_decline", message } });
const expired = (id: string) => intent(id, { status: "canceled", next_action: null, cancellation_reason: "expired", canceled_at: T0 + 840_000 });
const canceled = (id: string) => intent(id, { status: "canceled", next_action: null, cancellation_reason: "abandoned", canceled_at: T0 + 1000 });

/** An order on its first attempt, with intent `id` recorded for it. */
async function orderPayingWith(id: string): Promise<Order> {
  const order = await beginAttempt(db, await newOrder(), T0 + 1);
  return recordPaymentIntent(db, order, { id, redirectUrl: `https://sandbox.example/alipay/cashier?codeValue=${id}`, terminalType: "WEB", expiresAt: T0 + 840_000 }, T0 + 2);
}

async function countRows(table: "orders" | "order_lines", where?: { column: "checkout_token" | "order_id"; value: string }): Promise<number> {
  let query = db.selectFrom(table as "orders").select((eb) => eb.fn.countAll().as("n"));
  if (where) query = query.where(where.column as "checkout_token", "=", where.value);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("createOrder", () => {
  it("stores a pending order whose amount is the sum of its lines, with the lines in order", async () => {
    const order = await newOrder({ checkoutToken: "tok-a" });
    expect(order).toMatchObject({
      status: "pending",
      currency: "CNY",
      amount: LINES_TOTAL,
      attempt: 0,
      paymentIntentId: null,
      redirectUrl: null,
      terminalType: null,
      paymentExpiresAt: null,
      lastError: null,
      paidAt: null,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(order.lines).toEqual(LINES);
    expect(order.id).toMatch(/^LP-[ABCDEFGHJKMNPQRSTVWXYZ23456789]{12}$/);
    expect(await getOrder(db, order.id)).toEqual(order);
    expect(await findOrderByCheckoutToken(db, "tok-a")).toEqual(order);
  });

  it("returns the first order when the same checkout token comes twice, with one set of lines", async () => {
    const first = await newOrder({ checkoutToken: "tok-twice" });
    const second = await newOrder({ checkoutToken: "tok-twice", lines: [LINES[0]!], now: T0 + 5000 });
    expect(second.id).toBe(first.id);
    expect(second).toEqual(first);
    expect(second.amount).toBe(LINES_TOTAL);
    expect(await countRows("orders", { column: "checkout_token", value: "tok-twice" })).toBe(1);
    expect(await countRows("order_lines", { column: "order_id", value: first.id })).toBe(LINES.length);
  });

  it("returns one order when the same checkout token is submitted concurrently", async () => {
    const orders = await Promise.all(Array.from({ length: 5 }, () => newOrder({ checkoutToken: "tok-race" })));
    expect(new Set(orders.map((o) => o.id)).size).toBe(1);
    for (const order of orders) {
      expect(order.lines).toEqual(LINES);
      expect(order.amount).toBe(LINES_TOTAL);
    }
    expect(await countRows("orders")).toBe(1);
    expect(await countRows("order_lines")).toBe(LINES.length);
  });

  it("makes separate orders for separate checkout tokens", async () => {
    const [a, b] = await Promise.all([newOrder({ checkoutToken: "tok-1" }), newOrder({ checkoutToken: "tok-2", lines: [LINES[1]!] })]);
    expect(a.id).not.toBe(b.id);
    expect(b.amount).toBe(88000);
    expect(b.lines).toEqual([LINES[1]]);
    expect(await countRows("order_lines", { column: "order_id", value: a.id })).toBe(LINES.length);
    expect(await countRows("order_lines", { column: "order_id", value: b.id })).toBe(1);
  });

  it("refuses an order without lines", async () => {
    await expect(newOrder({ lines: [] })).rejects.toThrow(/at least one line/);
    expect(await countRows("orders")).toBe(0);
  });

  it("finds nothing for an unknown id or token", async () => {
    expect(await getOrder(db, "LP-NOPE")).toBeUndefined();
    expect(await findOrderByCheckoutToken(db, "nope")).toBeUndefined();
  });
});

describe("beginAttempt", () => {
  it("opens attempt 1 on a new order, and attempt 2 after that", async () => {
    const order = await newOrder();
    const first = await beginAttempt(db, order, T0 + 10);
    expect(first).toMatchObject({ id: order.id, attempt: 1, status: "pending", updatedAt: T0 + 10 });
    const second = await beginAttempt(db, first, T0 + 20);
    expect(second).toMatchObject({ attempt: 2, status: "pending", updatedAt: T0 + 20 });
    expect((await getOrder(db, order.id))!.attempt).toBe(2);
  });

  it("clears the previous attempt's intent, redirect, expiry and error, and keeps its device details", async () => {
    const paying = await orderPayingWith("pi_old");
    const failed = (await applyPaymentIntent(db, paying.id, declined("pi_old"), T0 + 3))!;
    expect(failed.status).toBe("failed");
    const next = await beginAttempt(db, failed, T0 + 4);
    expect(next).toMatchObject({
      attempt: 2,
      status: "pending",
      paymentIntentId: null,
      redirectUrl: null,
      terminalType: "WEB",
      paymentExpiresAt: null,
      lastError: null,
    });
  });

  it("fixes the new attempt's device details when a payer is given", async () => {
    const next = await beginAttempt(db, await newOrder(), T0 + 4, { terminalType: "APP", osType: "ANDROID", clientIp: "198.51.100.9" });
    expect(next).toMatchObject({ attempt: 1, terminalType: "APP", osType: "ANDROID", clientIp: "198.51.100.9" });
  });

  it.each([
    ["failed", declined],
    ["expired", expired],
    ["canceled", canceled],
  ] as const)("reopens a %s order", async (status, report) => {
    const paying = await orderPayingWith("pi_1");
    const closed = (await applyPaymentIntent(db, paying.id, report("pi_1"), T0 + 3))!;
    expect(closed.status).toBe(status);
    await expect(beginAttempt(db, closed, T0 + 4)).resolves.toMatchObject({ status: "pending", attempt: 2 });
  });

  it("refuses a stale Order whose attempt has moved on, and changes nothing", async () => {
    const order = await newOrder();
    const moved = await beginAttempt(db, order);
    const error = await beginAttempt(db, order).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrderConflictError);
    expect(await getOrder(db, order.id)).toEqual(moved);
  });

  it("refuses a stale Order whose status has moved on", async () => {
    const paying = await orderPayingWith("pi_1");
    await applyPaymentIntent(db, paying.id, declined("pi_1"));
    // `paying` still says pending on attempt 1; the database says failed.
    await expect(beginAttempt(db, paying)).rejects.toBeInstanceOf(OrderConflictError);
    expect((await getOrder(db, paying.id))!).toMatchObject({ status: "failed", attempt: 1 });
  });

  it("refuses a paid order, even when the Order object is fresh", async () => {
    const paying = await orderPayingWith("pi_1");
    const paid = (await applyPaymentIntent(db, paying.id, succeeded("pi_1")))!;
    expect(paid.status).toBe("paid");
    await expect(beginAttempt(db, paid)).rejects.toBeInstanceOf(OrderConflictError);
    expect((await getOrder(db, paid.id))!).toMatchObject({ status: "paid", attempt: 1, paymentIntentId: "pi_1" });
  });

  it("lets only one of two concurrent callers open the next attempt", async () => {
    const order = await newOrder();
    const results = await Promise.allSettled([beginAttempt(db, order), beginAttempt(db, order)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(OrderConflictError);
    expect((await getOrder(db, order.id))!.attempt).toBe(1);
  });
});

describe("recordPaymentIntent", () => {
  it("stores the intent's id, redirect URL, terminal and expiry on the order", async () => {
    const order = await beginAttempt(db, await newOrder());
    const recorded = await recordPaymentIntent(db, order, { id: "pi_9", redirectUrl: "https://r.example/x", terminalType: "APP", expiresAt: T0 + 99 }, T0 + 7);
    expect(recorded).toMatchObject({ paymentIntentId: "pi_9", redirectUrl: "https://r.example/x", terminalType: "APP", paymentExpiresAt: T0 + 99, updatedAt: T0 + 7, status: "pending" });
  });

  it("does not record an intent for an attempt that a newer one has replaced", async () => {
    const first = await beginAttempt(db, await newOrder());
    const second = await beginAttempt(db, first);
    const after = await recordPaymentIntent(db, first, { id: "pi_late", redirectUrl: null, terminalType: "WEB", expiresAt: T0 });
    expect(after.paymentIntentId).toBeNull();
    expect(after.attempt).toBe(second.attempt);
  });
});

describe("applyPaymentIntent", () => {
  it("returns undefined for an order that does not exist", async () => {
    expect(await applyPaymentIntent(db, "LP-MISSING", succeeded("pi_1"))).toBeUndefined();
  });

  it("marks the order paid when its intent succeeded, and sets paid_at", async () => {
    const paying = await orderPayingWith("pi_1");
    const paid = await applyPaymentIntent(db, paying.id, succeeded("pi_1"), T0 + 100);
    expect(paid).toMatchObject({ status: "paid", paidAt: T0 + 100, updatedAt: T0 + 100, lastError: null });
  });

  it("sets paid_at only once, however often success is reported", async () => {
    const paying = await orderPayingWith("pi_1");
    await applyPaymentIntent(db, paying.id, succeeded("pi_1"), T0 + 100);
    const again = await applyPaymentIntent(db, paying.id, succeeded("pi_1"), T0 + 200);
    expect(again).toMatchObject({ status: "paid", paidAt: T0 + 100, updatedAt: T0 + 100 });
    expect((await getOrder(db, paying.id))!.paidAt).toBe(T0 + 100);
  });

  it("keeps a paid order paid when a decline, expiry or cancellation arrives later", async () => {
    const paying = await orderPayingWith("pi_1");
    const paid = (await applyPaymentIntent(db, paying.id, succeeded("pi_1"), T0 + 100))!;
    for (const late of [declined("pi_1"), expired("pi_1"), canceled("pi_1"), intent("pi_1")]) {
      expect(await applyPaymentIntent(db, paying.id, late, T0 + 300)).toEqual(paid);
    }
  });

  it("marks the order failed on a decline and keeps the decline's message", async () => {
    const paying = await orderPayingWith("pi_1");
    const failed = await applyPaymentIntent(db, paying.id, declined("pi_1", "Insufficient balance in Alipay."), T0 + 50);
    expect(failed).toMatchObject({ status: "failed", lastError: "Insufficient balance in Alipay.", paidAt: null, updatedAt: T0 + 50 });
  });

  it("uses a generic message when a decline comes without one", async () => {
    const paying = await orderPayingWith("pi_1");
    const failed = await applyPaymentIntent(db, paying.id, declined("pi_1", null));
    expect(failed!.status).toBe("failed");
    expect(failed!.lastError).toBe("The payment was declined.");
  });

  it("marks the order expired when the intent was canceled as expired, without an error", async () => {
    const paying = await orderPayingWith("pi_1");
    expect(await applyPaymentIntent(db, paying.id, expired("pi_1"))).toMatchObject({ status: "expired", lastError: null });
  });

  it("marks the order canceled when the intent was canceled for another reason", async () => {
    const paying = await orderPayingWith("pi_1");
    expect(await applyPaymentIntent(db, paying.id, canceled("pi_1"))).toMatchObject({ status: "canceled", lastError: null });
  });

  it("leaves a pending order untouched while the shopper has not decided", async () => {
    const paying = await orderPayingWith("pi_1");
    expect(await applyPaymentIntent(db, paying.id, intent("pi_1"), T0 + 500)).toEqual(paying);
  });

  it("does not let a late pending report undo a failure", async () => {
    const paying = await orderPayingWith("pi_1");
    await applyPaymentIntent(db, paying.id, declined("pi_1"), T0 + 10);
    const after = await applyPaymentIntent(db, paying.id, intent("pi_1"), T0 + 20);
    expect(after).toMatchObject({ status: "failed", paidAt: null, paymentIntentId: "pi_1", attempt: 1 });
  });

  it("ignores a stale attempt's failure", async () => {
    const first = await orderPayingWith("pi_old");
    const second = await recordPaymentIntent(db, await beginAttempt(db, first), { id: "pi_new", redirectUrl: null, terminalType: "WEB", expiresAt: T0 + 1 });
    const after = await applyPaymentIntent(db, first.id, declined("pi_old"), T0 + 30);
    expect(after).toEqual(second);
    expect(after).toMatchObject({ status: "pending", paymentIntentId: "pi_new", lastError: null, attempt: 2 });
  });

  it("ignores a stale attempt's expiry or cancellation", async () => {
    const first = await orderPayingWith("pi_old");
    const second = await recordPaymentIntent(db, await beginAttempt(db, first), { id: "pi_new", redirectUrl: null, terminalType: "WEB", expiresAt: T0 + 1 });
    expect(await applyPaymentIntent(db, first.id, expired("pi_old"))).toEqual(second);
    expect(await applyPaymentIntent(db, first.id, canceled("pi_old"))).toEqual(second);
  });

  it("accepts a stale attempt's success: money taken wins", async () => {
    const first = await orderPayingWith("pi_old");
    await recordPaymentIntent(db, await beginAttempt(db, first), { id: "pi_new", redirectUrl: null, terminalType: "WEB", expiresAt: T0 + 1 });
    const paid = await applyPaymentIntent(db, first.id, succeeded("pi_old"), T0 + 40);
    expect(paid).toMatchObject({ status: "paid", paidAt: T0 + 40, attempt: 2 });
  });

  it("accepts a success for an attempt whose intent was never recorded", async () => {
    const order = await beginAttempt(db, await newOrder());
    expect(order.paymentIntentId).toBeNull();
    expect(await applyPaymentIntent(db, order.id, succeeded("pi_unrecorded"), T0 + 60)).toMatchObject({ status: "paid", paidAt: T0 + 60 });
  });

  it("ignores a failure for an attempt whose intent was never recorded", async () => {
    const order = await beginAttempt(db, await newOrder());
    expect(await applyPaymentIntent(db, order.id, declined("pi_unrecorded"))).toEqual(order);
  });

  it("lets a success win over an earlier failure of the same attempt", async () => {
    const paying = await orderPayingWith("pi_1");
    await applyPaymentIntent(db, paying.id, declined("pi_1"), T0 + 10);
    expect(await applyPaymentIntent(db, paying.id, succeeded("pi_1"), T0 + 20)).toMatchObject({ status: "paid", paidAt: T0 + 20 });
  });

  it("applies concurrent reports of success and decline so that paid wins", async () => {
    const paying = await orderPayingWith("pi_1");
    await Promise.all([
      applyPaymentIntent(db, paying.id, declined("pi_1"), T0 + 10),
      applyPaymentIntent(db, paying.id, succeeded("pi_1"), T0 + 11),
      applyPaymentIntent(db, paying.id, intent("pi_1"), T0 + 12),
    ]);
    expect((await getOrder(db, paying.id))!.status).toBe("paid");
  });
});

describe("the decline message", () => {
  it("keeps the message of the report that failed the order, whatever arrives later", async () => {
    const order = await orderPayingWith("pi_msg_a");
    await applyPaymentIntent(db, order.id, declined("pi_msg_a", "A declined"), T0 + 10);
    await applyPaymentIntent(db, order.id, intent("pi_msg_a"), T0 + 11);
    expect(await getOrder(db, order.id)).toMatchObject({ status: "failed", lastError: "A declined" });

    const second = await recordPaymentIntent(db, await beginAttempt(db, (await getOrder(db, order.id))!, T0 + 20), {
      id: "pi_msg_b",
      redirectUrl: null,
      terminalType: "WEB",
      expiresAt: T0 + 900_000,
    });
    await applyPaymentIntent(db, second.id, declined("pi_msg_b", "B declined: insufficient funds"), T0 + 30);
    await applyPaymentIntent(db, second.id, declined("pi_msg_a", "A declined"), T0 + 31);
    expect(await getOrder(db, order.id)).toMatchObject({ status: "failed", attempt: 2, lastError: "B declined: insufficient funds" });
  });
});
