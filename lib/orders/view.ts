import { isFinal, type OrderStatus } from "./state";
import type { Order } from "./ledger";

/** What the shopper's browser may know about an order: enough to show and follow it, nothing more. */
export interface OrderStatusView {
  orderId: string;
  status: OrderStatus;
  final: boolean;
  /** Changes with every new payment attempt, so a page can tell a fresh payment from the last one. */
  attempt: number;
  amount: number;
  currency: string;
  terminalType: "WEB" | "APP" | null;
  /** Alipay's cashier (WEB) or the hand-off to the app (APP), while the payment is open. */
  redirectUrl: string | null;
  paymentExpiresAt: number | null;
  lastError: string | null;
}

export function toStatusView(order: Order): OrderStatusView {
  return {
    orderId: order.id,
    status: order.status,
    final: isFinal(order.status),
    attempt: order.attempt,
    amount: order.amount,
    currency: order.currency,
    terminalType: order.terminalType,
    redirectUrl: order.status === "pending" ? order.redirectUrl : null,
    paymentExpiresAt: order.paymentExpiresAt,
    lastError: order.lastError,
  };
}
