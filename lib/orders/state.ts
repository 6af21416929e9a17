import type { PaymentIntent } from "@/lib/wooshpay/schemas";

export const ORDER_STATUSES = ["pending", "paid", "failed", "expired", "canceled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** States the shopper can leave only by paying again, with a new payment intent. */
export const RETRYABLE_STATUSES: readonly OrderStatus[] = ["failed", "expired", "canceled"];

export function isFinal(status: OrderStatus): boolean {
  return status !== "pending";
}

/** What an intent's state means for the order that created it. */
export function orderStatusForIntent(intent: Pick<PaymentIntent, "status" | "cancellation_reason" | "last_payment_error">): OrderStatus {
  switch (intent.status) {
    case "succeeded":
      return "paid";
    case "canceled":
      return intent.cancellation_reason === "expired" ? "expired" : "canceled";
    case "requires_payment_method":
      return intent.last_payment_error ? "failed" : "pending";
    default:
      return "pending";
  }
}

/**
 * The order's transitions, monotonic so that news arriving late or twice cannot undo what is known:
 * `paid` is for good; a closed attempt (failed, expired, canceled) reopens only through a new attempt,
 * never through a stale report about the old one; money taken always wins.
 */
export function nextStatus(current: OrderStatus, reported: OrderStatus, fromCurrentAttempt: boolean): OrderStatus {
  if (current === "paid") return current;
  if (reported === "paid") return "paid";
  if (!fromCurrentAttempt) return current;
  if (current === "pending") return reported;
  return current;
}
