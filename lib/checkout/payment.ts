import type { Db } from "@/lib/db";
import { OrderConflictError, applyPaymentIntent, beginAttempt, getOrder, recordPaymentIntent, type AttemptPayer, type Order } from "@/lib/orders";
import { WooshPayInvalidRequestError, type PaymentIntent, type PaymentIntentCreateParams, type WooshPay } from "@/lib/wooshpay";
import type { Terminal } from "./terminal";

export interface PaymentDeps {
  db: Db;
  gateway: WooshPay;
  appUrl: string;
  /** How long Alipay keeps an unpaid payment open, for the countdown on the pay page. */
  timeoutSeconds: number;
}

export interface Payer {
  terminal: Terminal;
  clientIp: string;
}

export function returnUrl(appUrl: string, orderId: string): string {
  return `${appUrl}/checkout/return?order=${encodeURIComponent(orderId)}`;
}

/** One key per order and attempt: a retried request replays the first intent instead of charging twice. */
export function idempotencyKey(order: Pick<Order, "id" | "attempt">): string {
  return `${order.id}-attempt-${order.attempt}`;
}

/** What WooshPay is asked for one attempt of an order: the same every time, so a retry can replay it. */
export function paymentIntentParams(appUrl: string, order: Order, payer: Payer): PaymentIntentCreateParams {
  return {
    amount: order.amount,
    currency: order.currency,
    confirm: true,
    payment_method_types: ["alipay"],
    payment_method_data: { type: "alipay" },
    payment_method_options: {
      alipay: { client_ip: payer.clientIp, terminal_type: payer.terminal.terminalType, os_type: payer.terminal.osType },
    },
    return_url: returnUrl(appUrl, order.id),
    merchant_order_id: order.id,
    description: `Lotus & Pine order ${order.id}`,
    metadata: { order_id: order.id, attempt: String(order.attempt) },
  };
}

function attemptPayer(payer: Payer): AttemptPayer {
  return { terminalType: payer.terminal.terminalType, osType: payer.terminal.osType, clientIp: payer.clientIp };
}

/** The details the attempt began with, when it has them: a retry from elsewhere still asks the same. */
function payerOf(order: Order, fallback: Payer): Payer {
  if (!order.terminalType || !order.clientIp) return fallback;
  return { terminal: { terminalType: order.terminalType, osType: order.osType ?? undefined }, clientIp: order.clientIp };
}

async function createIntent(deps: PaymentDeps, order: Order, fallback: Payer): Promise<Order> {
  const payer = payerOf(order, fallback);
  const intent = await deps.gateway.paymentIntents.create(paymentIntentParams(deps.appUrl, order, payer), { idempotencyKey: idempotencyKey(order) });
  return recordPaymentIntent(deps.db, order, {
    id: intent.id,
    redirectUrl: intent.next_action?.alipay_handle_redirect?.url ?? null,
    terminalType: payer.terminal.terminalType,
    expiresAt: intent.created + deps.timeoutSeconds * 1000,
  });
}

/**
 * Makes sure the order has a live Alipay payment, creating one only when it has none: pressing Pay
 * twice, retrying after a timeout, or the same checkout reaching two app instances at once all land on
 * the same intent.
 */
export async function ensurePayment(deps: PaymentDeps, order: Order, payer: Payer): Promise<Order> {
  for (let tries = 0; ; tries++) {
    if (order.status === "paid") return order;
    if (order.status === "pending" && order.paymentIntentId) return order;
    try {
      // An attempt was opened but its intent not recorded (a crash, a timeout, another instance still
      // creating it): the same key with the attempt's own details replays that intent.
      if (order.status === "pending" && order.attempt > 0) return await createIntent(deps, order, payer);
      return await createIntent(deps, await beginAttempt(deps.db, order, Date.now(), attemptPayer(payer)), payer);
    } catch (error) {
      if (!(error instanceof OrderConflictError) || tries >= 3) throw error;
      // Someone else began this attempt first: follow theirs.
      order = (await getOrder(deps.db, order.id)) ?? order;
    }
  }
}

/**
 * Starts over with a new intent: after a decline or an expiry, or when the shopper left Alipay without
 * paying. The live intent is canceled first so at most one attempt can take money; if it turns out to
 * have been paid meanwhile, the order is paid and nothing new is created.
 */
export async function payAgain(deps: PaymentDeps, order: Order, payer: Payer): Promise<Order> {
  if (order.status === "paid") return order;
  if (order.paymentIntentId) {
    let latest: PaymentIntent;
    try {
      latest = await deps.gateway.paymentIntents.cancel(order.paymentIntentId, { cancellation_reason: "abandoned" }, {
        idempotencyKey: `${idempotencyKey(order)}-cancel`,
      });
    } catch (error) {
      if (!(error instanceof WooshPayInvalidRequestError) || error.code !== "payment_intent_unexpected_state") throw error;
      latest = await deps.gateway.paymentIntents.retrieve(order.paymentIntentId);
    }
    const applied = await applyPaymentIntent(deps.db, order.id, latest);
    if (!applied || applied.status === "paid") return applied ?? order;
    // Another tab or instance already moved on to a newer attempt: join it rather than start a third.
    if (applied.attempt !== order.attempt) return ensurePayment(deps, applied, payer);
    order = applied;
  }
  let next: Order;
  try {
    next = await beginAttempt(deps.db, order, Date.now(), attemptPayer(payer));
  } catch (error) {
    if (!(error instanceof OrderConflictError)) throw error;
    // Another tab or instance started the new attempt first: join it rather than start a third.
    const latest = await getOrder(deps.db, order.id);
    if (!latest || latest.attempt === order.attempt) throw error;
    return ensurePayment(deps, latest, payer);
  }
  return createIntent(deps, next, payer);
}

/** Brings a pending order to the gateway's truth, for when no other news has arrived. */
export async function syncOrder(deps: Pick<PaymentDeps, "db" | "gateway">, order: Order): Promise<Order> {
  if (order.status !== "pending" || !order.paymentIntentId) return order;
  const intent = await deps.gateway.paymentIntents.retrieve(order.paymentIntentId);
  return (await applyPaymentIntent(deps.db, order.id, intent)) ?? order;
}

/**
 * Reconciles every pending order that has a payment with the gateway: for when webhooks were lost.
 * Returns how many orders changed.
 */
export async function syncPendingOrders(deps: Pick<PaymentDeps, "db" | "gateway">): Promise<number> {
  const pending = await deps.db.selectFrom("orders").select("id").where("status", "=", "pending").where("payment_intent_id", "is not", null).execute();
  let changed = 0;
  for (const { id } of pending) {
    const order = await getOrder(deps.db, id);
    if (order && (await syncOrder(deps, order)).status !== order.status) changed++;
  }
  return changed;
}
