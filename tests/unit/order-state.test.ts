import { describe, expect, it } from "vitest";
import type { Order } from "@/lib/orders/ledger";
import { ORDER_STATUSES, RETRYABLE_STATUSES, isFinal, nextStatus, orderStatusForIntent, type OrderStatus } from "@/lib/orders/state";
import { toStatusView } from "@/lib/orders/view";
import { PAYMENT_INTENT_STATUSES, type PaymentIntent } from "@/lib/wooshpay/schemas";

type IntentState = Pick<PaymentIntent, "status" | "cancellation_reason" | "last_payment_error">;

const declined = { type: "card_error", code: "payment_method_provider_decline", message: "The shopper declined the payment in Alipay." };

describe("orderStatusForIntent", () => {
  it.each<[string, IntentState, OrderStatus]>([
    ["a succeeded intent", { status: "succeeded" }, "paid"],
    ["a succeeded intent that carries an old error", { status: "succeeded", last_payment_error: declined }, "paid"],
    ["an intent canceled as expired", { status: "canceled", cancellation_reason: "expired" }, "expired"],
    ["an intent canceled as abandoned", { status: "canceled", cancellation_reason: "abandoned" }, "canceled"],
    ["an intent canceled at the customer's request", { status: "canceled", cancellation_reason: "requested_by_customer" }, "canceled"],
    ["an intent canceled as a duplicate", { status: "canceled", cancellation_reason: "duplicate" }, "canceled"],
    ["an intent canceled as fraudulent", { status: "canceled", cancellation_reason: "fraudulent" }, "canceled"],
    ["an intent canceled without a reason", { status: "canceled", cancellation_reason: null }, "canceled"],
    ["an intent that needs a payment method after a decline", { status: "requires_payment_method", last_payment_error: declined }, "failed"],
    ["an intent that needs a payment method, never tried", { status: "requires_payment_method", last_payment_error: null }, "pending"],
    ["an intent that needs a payment method, error absent", { status: "requires_payment_method" }, "pending"],
    ["an intent waiting for the shopper in Alipay", { status: "requires_action" }, "pending"],
    ["an unconfirmed intent", { status: "requires_confirmation" }, "pending"],
    ["a processing intent", { status: "processing" }, "pending"],
    ["an intent waiting for capture", { status: "requires_capture" }, "pending"],
  ])("maps %s to %s", (_name, intent, expected) => {
    expect(orderStatusForIntent(intent)).toBe(expected);
  });

  it("gives every intent status an order status", () => {
    for (const status of PAYMENT_INTENT_STATUSES) {
      expect(ORDER_STATUSES).toContain(orderStatusForIntent({ status }));
    }
  });
});

describe("nextStatus", () => {
  it("never changes a paid order, whatever is reported", () => {
    for (const reported of ORDER_STATUSES) {
      for (const fromCurrentAttempt of [true, false]) {
        expect(nextStatus("paid", reported, fromCurrentAttempt), `${reported} ${fromCurrentAttempt}`).toBe("paid");
      }
    }
  });

  it("lets money taken win, even when reported about a stale attempt", () => {
    for (const current of ORDER_STATUSES) {
      expect(nextStatus(current, "paid", true), current).toBe("paid");
      expect(nextStatus(current, "paid", false), current).toBe("paid");
    }
  });

  it.each<OrderStatus>(["failed", "expired", "paid", "canceled"])("does not let a late pending report undo %s", (current) => {
    expect(nextStatus(current, "pending", true)).toBe(current);
    expect(nextStatus(current, "pending", false)).toBe(current);
  });

  it.each<OrderStatus>(["failed", "expired", "canceled", "pending"])("ignores a stale attempt reporting %s to a pending order", (reported) => {
    expect(nextStatus("pending", reported, false)).toBe("pending");
  });

  it.each<OrderStatus>(["failed", "expired", "canceled"])("moves a pending order to %s on the current attempt's report", (reported) => {
    expect(nextStatus("pending", reported, true)).toBe(reported);
  });

  it("does not let one closed outcome overwrite another", () => {
    expect(nextStatus("failed", "expired", true)).toBe("failed");
    expect(nextStatus("expired", "failed", true)).toBe("expired");
    expect(nextStatus("canceled", "failed", true)).toBe("canceled");
    expect(nextStatus("failed", "canceled", true)).toBe("failed");
  });

  // Rows: the current status; columns: the reported status, in ORDER_STATUSES order.
  const columns: OrderStatus[] = ["pending", "paid", "failed", "expired", "canceled"];
  const fromCurrent: Record<OrderStatus, OrderStatus[]> = {
    pending: ["pending", "paid", "failed", "expired", "canceled"],
    paid: ["paid", "paid", "paid", "paid", "paid"],
    failed: ["failed", "paid", "failed", "failed", "failed"],
    expired: ["expired", "paid", "expired", "expired", "expired"],
    canceled: ["canceled", "paid", "canceled", "canceled", "canceled"],
  };
  const fromStale: Record<OrderStatus, OrderStatus[]> = {
    pending: ["pending", "paid", "pending", "pending", "pending"],
    paid: ["paid", "paid", "paid", "paid", "paid"],
    failed: ["failed", "paid", "failed", "failed", "failed"],
    expired: ["expired", "paid", "expired", "expired", "expired"],
    canceled: ["canceled", "paid", "canceled", "canceled", "canceled"],
  };
  const table = ORDER_STATUSES.flatMap((current) =>
    columns.flatMap((reported, i) => [
      [current, reported, true, fromCurrent[current][i]!] as const,
      [current, reported, false, fromStale[current][i]!] as const,
    ]),
  );

  it("covers every combination in the table", () => {
    expect(table).toHaveLength(ORDER_STATUSES.length * ORDER_STATUSES.length * 2);
    expect([...columns].sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it.each(table)("takes %s with a report of %s (current attempt: %s) to %s", (current, reported, fromCurrentAttempt, expected) => {
    expect(nextStatus(current, reported, fromCurrentAttempt)).toBe(expected);
  });
});

describe("isFinal and RETRYABLE_STATUSES", () => {
  it("treats only pending as not final", () => {
    expect(ORDER_STATUSES.filter((s) => !isFinal(s))).toEqual(["pending"]);
  });

  it("lets failed, expired and canceled orders be paid again, but not paid or pending ones", () => {
    expect([...RETRYABLE_STATUSES].sort()).toEqual(["canceled", "expired", "failed"]);
  });
});

describe("toStatusView", () => {
  const order: Order = {
    id: "LP-ABCDEFGHJKMN",
    status: "pending",
    currency: "CNY",
    amount: 37400,
    lines: [{ productId: "longjing-green-tea", name: "West Lake Longjing Green Tea", unitAmount: 16800, quantity: 1 }],
    attempt: 2,
    paymentIntentId: "pi_1",
    redirectUrl: "https://alipay.example/cashier?codeValue=2816x",
    terminalType: "WEB",
    osType: null,
    clientIp: null,
    paymentExpiresAt: 1_800_000_000_000,
    lastError: null,
    paidAt: null,
    paidPaymentIntentId: null,
    createdAt: 1,
    updatedAt: 2,
  };

  it("shows a pending order's redirect URL and what the page needs, but not the intent id or the lines", () => {
    const view = toStatusView(order);
    expect(view).toEqual({
      orderId: order.id,
      status: "pending",
      final: false,
      attempt: 2,
      amount: 37400,
      currency: "CNY",
      terminalType: "WEB",
      redirectUrl: order.redirectUrl,
      paymentExpiresAt: order.paymentExpiresAt,
      lastError: null,
    });
  });

  it.each<OrderStatus>(["paid", "failed", "expired", "canceled"])("hides the redirect URL of a %s order and marks it final", (status) => {
    const view = toStatusView({ ...order, status, lastError: status === "failed" ? "declined" : null });
    expect(view.redirectUrl).toBeNull();
    expect(view.final).toBe(true);
    expect(view.status).toBe(status);
  });
});
