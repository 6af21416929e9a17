"use client";

import Link from "next/link";
import { useCallback } from "react";
import type { OrderStatusView } from "@/lib/orders/view";
import { formatMoney } from "@/lib/money";
import { AlipayMark } from "./AlipayMark";
import { AlipayQr } from "./AlipayQr";
import { Countdown } from "./Countdown";
import { PayAgainForm } from "./PayAgainForm";
import { useOrderStatus } from "./useOrderStatus";

const STATUS_LINE: Record<OrderStatusView["status"], string> = {
  pending: "Waiting for your payment in Alipay…",
  paid: "Paid. Thank you!",
  failed: "The payment was declined in Alipay.",
  expired: "The payment window closed before the payment was made.",
  canceled: "This payment was canceled.",
};

/**
 * The live part of the pay page (`mode="pay"`: the QR code) and of the return page (`mode="return"`):
 * follows the order until it is final and shows the outcome in place, without a reload.
 */
export function PaymentTracker({ initial, mode }: { initial: OrderStatusView; mode: "pay" | "return" }) {
  const expiresIn = initial.paymentExpiresAt ? initial.paymentExpiresAt - Date.now() : 0;
  const { view, gaveUp, checkAgain, error } = useOrderStatus(initial, {
    maxIntervalMs: mode === "pay" ? 3000 : 10_000,
    // The QR page keeps watching for as long as the code can be paid; the return page for two minutes.
    giveUpAfterMs: mode === "pay" ? Math.max(expiresIn, 0) + 30_000 : 120_000,
  });
  const amount = formatMoney({ amount: view.amount, currency: view.currency });
  const onExpire = useCallback(() => checkAgain(), [checkAgain]);

  return (
    <div className="space-y-6">
      <p role="status" aria-live="polite" className={`flex items-center gap-2 text-lg font-medium ${statusColour(view.status)}`} data-testid="payment-status" data-status={view.status}>
        {view.status === "pending" && <span aria-hidden="true" className="inline-block h-2.5 w-2.5 animate-pulse rounded-full bg-alipay" />}
        {STATUS_LINE[view.status]}
      </p>

      {view.status === "pending" && mode === "pay" && view.redirectUrl && (
        <div className="grid items-start gap-6 sm:grid-cols-[auto_1fr]">
          <AlipayQr
            url={view.redirectUrl}
            description={`Alipay QR code to pay ${amount} for order ${view.orderId}. Open the Alipay app on your phone, tap Scan, and point the camera at this code.`}
          />
          <div className="space-y-4">
            <p className="text-3xl font-semibold tabular-nums" data-testid="pay-amount">{amount}</p>
            <p className="text-sm text-ink-soft">
              Order <span className="font-mono" data-testid="order-number">{view.orderId}</span>
            </p>
            <ol className="space-y-1 text-sm">
              <li>1. Open Alipay on your phone</li>
              <li>2. Tap Scan and point it at the code</li>
              <li>3. Confirm the payment in Alipay</li>
            </ol>
            {view.paymentExpiresAt && (
              <p className="text-sm">
                Time left to pay: <Countdown until={view.paymentExpiresAt} onExpire={onExpire} />
              </p>
            )}
            <a href={view.redirectUrl} className="inline-flex items-center gap-2 text-sm font-medium text-alipay underline" data-testid="open-alipay">
              <AlipayMark size={18} /> Open Alipay&apos;s payment page in this browser instead
            </a>
          </div>
        </div>
      )}

      {view.status === "pending" && mode === "return" && (
        <div className="rounded-xl bg-white p-5 text-sm shadow-sm ring-1 ring-pine-100" data-testid="pending-help">
          <p>
            {gaveUp
              ? "We have not heard back from Alipay yet. If you paid, it will show here shortly."
              : "We are checking with Alipay. This usually takes a few seconds."}
          </p>
          {gaveUp && (
            <button type="button" onClick={checkAgain} className="mt-3 rounded-lg bg-pine-700 px-4 py-2 font-medium text-white" data-testid="check-again">
              Check again
            </button>
          )}
          <p className="mt-4 text-ink-soft">Left Alipay without paying?</p>
          <div className="mt-2 flex flex-wrap gap-3">
            {view.redirectUrl && (
              <a href={view.redirectUrl} className="rounded-lg bg-alipay px-4 py-2 font-medium text-white" data-testid="back-to-alipay">
                Return to Alipay
              </a>
            )}
            <PayAgainForm orderId={view.orderId} label="Start a new payment" variant="secondary" />
          </div>
        </div>
      )}

      {view.status === "pending" && mode === "pay" && gaveUp && (
        <button type="button" onClick={checkAgain} className="rounded-lg bg-pine-700 px-4 py-2 text-sm font-medium text-white" data-testid="check-again">
          Check again
        </button>
      )}

      {view.status === "paid" && (
        <div className="rounded-xl bg-pine-50 p-5 ring-1 ring-pine-100" data-testid="paid">
          <p className="font-medium">
            We received {amount} for order <span className="whitespace-nowrap">{view.orderId}</span>.
          </p>
          <p className="mt-1 text-sm text-ink-soft">Your tea is on its way to being packed. Keep the order number for any question.</p>
          <Link href="/" className="mt-4 inline-block font-medium text-pine-700 underline">
            Continue shopping
          </Link>
        </div>
      )}

      {(view.status === "failed" || view.status === "expired" || view.status === "canceled") && (
        <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-pine-100" data-testid="retry">
          {view.status === "failed" && view.lastError && <p className="text-sm text-ink-soft">Alipay said: {view.lastError}</p>}
          <p className="mt-1 text-sm text-ink-soft">Nothing was charged. Your order is kept; you can pay for it again now.</p>
          <div className="mt-4">
            <PayAgainForm orderId={view.orderId} label={view.status === "expired" && view.terminalType === "WEB" ? "Get a new QR code" : "Pay again"} />
          </div>
        </div>
      )}

      {error && !view.final && <p className="text-sm text-ink-faint">Connection trouble while checking; still trying…</p>}
    </div>
  );
}

function statusColour(status: OrderStatusView["status"]): string {
  if (status === "paid") return "text-pine-700";
  if (status === "pending") return "text-ink";
  return "text-red-700";
}
