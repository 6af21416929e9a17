import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
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
  paymentExpiresAt: number | null;
  lastError: string | null;
  paidAt: number | null;
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
    paymentExpiresAt: row.payment_expires_at === null ? null : Number(row.payment_expires_at),
    lastError: row.last_error,
    paidAt: row.paid_at === null ? null : Number(row.paid_at),
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
        payment_expires_at: null,
        last_error: null,
        paid_at: null,
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

/**
 * Opens the next payment attempt. Only one caller wins for a given attempt number, so two tabs
 * pressing "pay again" at once cannot start two payments. The caller cancels the previous intent first.
 */
export async function beginAttempt(db: Db, order: Order, now = Date.now()): Promise<Order> {
  const reopenable = order.status === "pending" || RETRYABLE_STATUSES.includes(order.status);
  if (!reopenable) throw new OrderConflictError(`Order ${order.id} is ${order.status} and cannot be paid again.`);
  const result = await db
    .updateTable("orders")
    .set({
      attempt: order.attempt + 1,
      status: "pending",
      payment_intent_id: null,
      redirect_url: null,
      terminal_type: null,
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
  await db
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
  return (await getOrder(db, order.id))!;
}

/**
 * The one way a payment outcome reaches an order, whoever reports it (the status poll now, webhooks
 * too). Applies the monotonic transition with a conditional update, retrying if the order moved underneath.
 */
export async function applyPaymentIntent(db: Db, orderId: string, intent: PaymentIntent, now = Date.now()): Promise<Order | undefined> {
  for (let tries = 0; tries < 5; tries++) {
    const order = await getOrder(db, orderId);
    if (!order) return undefined;
    const fromCurrentAttempt = order.paymentIntentId === intent.id;
    const reported = orderStatusForIntent(intent);
    const status = nextStatus(order.status, reported, fromCurrentAttempt);
    const lastError = status === "failed" ? (intent.last_payment_error?.message ?? "The payment was declined.") : order.lastError;
    if (status === order.status && lastError === order.lastError) return order;
    const result = await db
      .updateTable("orders")
      .set({ status, last_error: lastError, paid_at: status === "paid" ? (order.paidAt ?? now) : order.paidAt, updated_at: now })
      .where("id", "=", order.id)
      .where("status", "=", order.status)
      .where("attempt", "=", order.attempt)
      .executeTakeFirst();
    if (result.numUpdatedRows > 0n) return (await getOrder(db, order.id))!;
  }
  throw new OrderConflictError(`Order ${orderId} kept changing while applying ${intent.id}.`);
}
