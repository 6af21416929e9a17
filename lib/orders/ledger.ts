import { randomBytes } from "node:crypto";
import { inTransaction, type Db } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import type { OrdersTable } from "@/lib/db/schema";
import type { PaymentIntent } from "@/lib/wooshpay/schemas";
import { RETRYABLE_STATUSES, nextStatus, orderStatusForIntent, type OrderStatus } from "./state";

export interface OrderLine {
  productId: string;
  name: string;
  unitAmount: number;
  quantity: number;
}

export interface Order {
  id: string;
  status: OrderStatus;
  currency: string;
  /** Integer minor units, the sum of the lines. */
  amount: number;
  lines: OrderLine[];
  /** 0 before the first payment intent; each "pay again" adds one. */
  attempt: number;
  paymentIntentId: string | null;
  redirectUrl: string | null;
  terminalType: "WEB" | "APP" | null;
  osType: "IOS" | "ANDROID" | null;
  /** The shopper's IP when the current attempt began, sent to Alipay for its risk checks. */
  clientIp: string | null;
  paymentExpiresAt: number | null;
  lastError: string | null;
  paidAt: number | null;
  /** The intent the order was paid with; another intent that also succeeds is a duplicate charge. */
  paidPaymentIntentId: string | null;
  createdAt: number;
  updatedAt: number;
}

export class OrderConflictError extends Error {}

const ORDER_ID_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

/** Short enough to read out on the phone, long enough (60 bits) that nobody guesses another's order. */
function newOrderId(): string {
  const bytes = randomBytes(12);
  let id = "";
  for (const byte of bytes) id += ORDER_ID_ALPHABET[byte % ORDER_ID_ALPHABET.length];
  return `LP-${id}`;
}

function toOrder(row: OrdersTable, lines: OrderLine[]): Order {
  return {
    id: row.id,
    status: row.status as OrderStatus,
    currency: row.currency,
    amount: Number(row.amount),
    lines,
    attempt: row.attempt,
    paymentIntentId: row.payment_intent_id,
    redirectUrl: row.redirect_url,
    terminalType: row.terminal_type as Order["terminalType"],
    osType: row.os_type as Order["osType"],
    clientIp: row.client_ip,
    paymentExpiresAt: row.payment_expires_at === null ? null : Number(row.payment_expires_at),
    lastError: row.last_error,
    paidAt: row.paid_at === null ? null : Number(row.paid_at),
    paidPaymentIntentId: row.paid_payment_intent_id,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export async function getOrder(db: Db, id: string): Promise<Order | undefined> {
  const row = await db.selectFrom("orders").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const lines = await db
    .selectFrom("order_lines")
    .select(["product_id", "name", "unit_amount", "quantity"])
    .where("order_id", "=", id)
    .orderBy("position")
    .execute();
  return toOrder(
    row,
    lines.map((l) => ({ productId: l.product_id, name: l.name, unitAmount: Number(l.unit_amount), quantity: l.quantity })),
  );
}

export async function findOrderByCheckoutToken(db: Db, checkoutToken: string): Promise<Order | undefined> {
  const row = await db.selectFrom("orders").select("id").where("checkout_token", "=", checkoutToken).executeTakeFirst();
  return row && getOrder(db, row.id);
}

/**
 * Creates the order before any money moves. Idempotent on `checkoutToken`: the same checkout
 * submitted twice (a double click, a retried request) returns the first order.
 */
export async function createOrder(
  db: Db,
  input: { checkoutToken: string; currency: string; lines: OrderLine[]; now?: number },
): Promise<Order> {
  if (input.lines.length === 0) throw new Error("An order needs at least one line.");
  const now = input.now ?? Date.now();
  const id = newOrderId();
  const amount = input.lines.reduce((sum, l) => sum + l.unitAmount * l.quantity, 0);
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("orders")
      .values({
        id,
        checkout_token: input.checkoutToken,
        status: "pending",
        currency: input.currency,
        amount,
        attempt: 0,
        payment_intent_id: null,
        redirect_url: null,
        terminal_type: null,
        os_type: null,
        client_ip: null,
        payment_expires_at: null,
        last_error: null,
        paid_at: null,
        paid_payment_intent_id: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column("checkout_token").doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return;
    await trx
      .insertInto("order_lines")
      .values(input.lines.map((l, position) => ({ order_id: id, position, product_id: l.productId, name: l.name, unit_amount: l.unitAmount, quantity: l.quantity })))
      .execute();
  });
  return (await findOrderByCheckoutToken(db, input.checkoutToken))!;
}

/** Who pays an attempt, fixed when it begins so that every retry of it asks WooshPay the same. */
export interface AttemptPayer {
  terminalType: "WEB" | "APP";
  osType?: "IOS" | "ANDROID";
  clientIp: string;
}

/**
 * Opens the next payment attempt. Only one caller wins for a given attempt number, so two tabs (or two
 * app instances) pressing "pay again" at once cannot start two payments. The caller cancels the
 * previous intent first. Without a payer, the attempt keeps the previous attempt's device details.
 */
export async function beginAttempt(db: Db, order: Order, now = Date.now(), payer?: AttemptPayer): Promise<Order> {
  const reopenable = order.status === "pending" || RETRYABLE_STATUSES.includes(order.status);
  if (!reopenable) throw new OrderConflictError(`Order ${order.id} is ${order.status} and cannot be paid again.`);
  const result = await db
    .updateTable("orders")
    .set({
      attempt: order.attempt + 1,
      status: "pending",
      payment_intent_id: null,
      redirect_url: null,
      terminal_type: payer ? payer.terminalType : order.terminalType,
      os_type: payer ? (payer.osType ?? null) : order.osType,
      client_ip: payer ? payer.clientIp : order.clientIp,
      payment_expires_at: null,
      last_error: null,
      updated_at: now,
    })
    .where("id", "=", order.id)
    .where("attempt", "=", order.attempt)
    .where("status", "=", order.status)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new OrderConflictError(`Order ${order.id} changed while starting a new payment; reload it.`);
  return (await getOrder(db, order.id))!;
}

/** Remembers the intent created for `attempt`, unless a newer attempt has begun meanwhile. */
export async function recordPaymentIntent(
  db: Db,
  order: Order,
  intent: { id: string; redirectUrl: string | null; terminalType: "WEB" | "APP"; expiresAt: number },
  now = Date.now(),
): Promise<Order> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("payment_attempts")
      .values({ payment_intent_id: intent.id, order_id: order.id, attempt: order.attempt, status: "requires_action", duplicate_charge: 0, created_at: now, updated_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .updateTable("orders")
      .set({
        payment_intent_id: intent.id,
        redirect_url: intent.redirectUrl,
        terminal_type: intent.terminalType,
        payment_expires_at: intent.expiresAt,
        updated_at: now,
      })
      .where("id", "=", order.id)
      .where("attempt", "=", order.attempt)
      .execute();
  });
  return (await getOrder(db, order.id))!;
}

export interface PaymentAttempt {
  paymentIntentId: string;
  attempt: number;
  status: string;
  duplicateCharge: boolean;
}

export async function listPaymentAttempts(db: Db, orderId: string): Promise<PaymentAttempt[]> {
  const rows = await db.selectFrom("payment_attempts").selectAll().where("order_id", "=", orderId).orderBy("attempt").execute();
  return rows.map((r) => ({ paymentIntentId: r.payment_intent_id, attempt: r.attempt, status: r.status, duplicateCharge: r.duplicate_charge === 1 }));
}

/** The order an intent belongs to: by its metadata, or by the attempts we recorded. */
export async function findOrderIdForIntent(db: Db, intent: Pick<PaymentIntent, "id" | "metadata">): Promise<string | undefined> {
  const fromMetadata = intent.metadata?.order_id;
  if (fromMetadata) return fromMetadata;
  const row = await db.selectFrom("payment_attempts").select("order_id").where("payment_intent_id", "=", intent.id).executeTakeFirst();
  return row?.order_id;
}

export interface Fulfilment {
  orderId: string;
  paymentIntentId: string;
  confirmation: string;
  createdAt: number;
}

export async function getFulfilment(db: Db, orderId: string): Promise<Fulfilment | undefined> {
  const row = await db.selectFrom("fulfilments").selectAll().where("order_id", "=", orderId).executeTakeFirst();
  return row && { orderId: row.order_id, paymentIntentId: row.payment_intent_id, confirmation: row.confirmation, createdAt: Number(row.created_at) };
}

/**
 * The one way a payment outcome reaches an order, whoever reports it: a webhook, the status poll, a
 * sync. In one transaction it records the attempt's state, applies the monotonic transition with a
 * conditional update and, on the transition to paid, fulfils the order: exactly once, because the
 * fulfilment row is keyed by the order. An intent that succeeds after the order was paid by another
 * is recorded as a duplicate charge, to refund.
 */
export async function applyPaymentIntent(db: Db, orderId: string, intent: PaymentIntent, now = Date.now()): Promise<Order | undefined> {
  for (let tries = 0; tries < 5; tries++) {
    const outcome = await inTransaction(db, async (trx) => {
      const order = await getOrder(trx, orderId);
      if (!order) return { done: true as const, order: undefined };
      await recordAttemptState(trx, order, intent, now);

      const reported = orderStatusForIntent(intent);
      if (reported === "paid" && order.status === "paid" && order.paidPaymentIntentId !== intent.id) {
        await trx.updateTable("payment_attempts").set({ duplicate_charge: 1, updated_at: now }).where("payment_intent_id", "=", intent.id).execute();
        return { done: true as const, order };
      }
      const status = nextStatus(order.status, reported, order.paymentIntentId === intent.id);
      // The message belongs to the report that failed the order; later news must not overwrite it.
      const becameFailed = status === "failed" && order.status !== "failed";
      const lastError = becameFailed ? (intent.last_payment_error?.message ?? "The payment was declined.") : order.lastError;
      if (status === order.status && lastError === order.lastError) return { done: true as const, order };

      const becamePaid = status === "paid" && order.status !== "paid";
      const result = await trx
        .updateTable("orders")
        .set({
          status,
          last_error: lastError,
          paid_at: becamePaid ? now : order.paidAt,
          paid_payment_intent_id: becamePaid ? intent.id : order.paidPaymentIntentId,
          updated_at: now,
        })
        .where("id", "=", order.id)
        .where("status", "=", order.status)
        .where("attempt", "=", order.attempt)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return { done: false as const };
      if (becamePaid) await fulfil(trx, order, intent.id, now);
      return { done: true as const, order: await getOrder(trx, order.id) };
    });
    if (outcome.done) return outcome.order;
  }
  throw new OrderConflictError(`Order ${orderId} kept changing while applying ${intent.id}.`);
}

async function recordAttemptState(db: Db, order: Order, intent: PaymentIntent, now: number): Promise<void> {
  const attempt = Number(intent.metadata?.attempt ?? order.attempt);
  await db
    .insertInto("payment_attempts")
    .values({ payment_intent_id: intent.id, order_id: order.id, attempt, status: intent.status, duplicate_charge: 0, created_at: now, updated_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
  // Once succeeded, an attempt stays succeeded whatever late news says.
  await db
    .updateTable("payment_attempts")
    .set({ status: intent.status, updated_at: now })
    .where("payment_intent_id", "=", intent.id)
    .where("status", "!=", "succeeded")
    .execute();
}

/** Everything that happens once when an order is paid. Runs inside the transition's transaction. */
async function fulfil(db: Db, order: Order, paymentIntentId: string, now: number): Promise<void> {
  const confirmation = `Thank you! We received ${formatMoney(order)} for order ${order.id}: ${order.lines
    .map((l) => `${l.quantity} × ${l.name}`)
    .join(", ")}.`;
  await db.insertInto("fulfilments").values({ order_id: order.id, payment_intent_id: paymentIntentId, confirmation, created_at: now }).execute();
}
