"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import type { InAppBrowser } from "@/lib/checkout/terminal";
import { formatMoney } from "@/lib/money";
import type { OrderStatusView } from "@/lib/orders/view";
import { AlipayMark } from "./AlipayMark";
import { AlipayQr } from "./AlipayQr";
import { Countdown } from "./Countdown";
import { HandOff } from "./HandOff";
import { PayAgainForm } from "./PayAgainForm";
import { WeChatGuidance } from "./WeChatGuidance";
import { useOrderStatus } from "./useOrderStatus";

const STATUS_KEY = {
  pending: "statusPending",
  paid: "statusPaid",
  failed: "statusFailed",
  expired: "statusExpired",
  canceled: "statusCanceled",
} as const;

/**
 * The live part of the pay page (`mode="pay"`: the QR code on a desktop, the hand-off on a phone) and of
 * the return page (`mode="return"`): follows the order until it is final and shows the outcome in place,
 * without a reload. Status changes are announced to screen readers.
 */
export function PaymentTracker({ initial, mode, inApp }: { initial: OrderStatusView; mode: "pay" | "return"; inApp?: InAppBrowser }) {
  const t = useTranslations("Pay");
  const locale = useLocale();
  const expiresIn = initial.paymentExpiresAt ? initial.paymentExpiresAt - Date.now() : 0;
  const { view, gaveUp, checkAgain, error } = useOrderStatus(initial, {
    maxIntervalMs: mode === "pay" ? 3000 : 10_000,
    // The pay page keeps watching for as long as the payment can be made; the return page for two minutes.
    giveUpAfterMs: mode === "pay" ? Math.max(expiresIn, 0) + 30_000 : 120_000,
  });
  const amount = formatMoney({ amount: view.amount, currency: view.currency }, locale);
  const qrDescription = t("qrAlt", { amount, order: view.orderId });
  const onExpire = useCallback(() => checkAgain(), [checkAgain]);
  const paying = view.status === "pending" && mode === "pay" && view.redirectUrl;

  return (
    <div className="space-y-6">
      <p
        role="status"
        aria-live="polite"
        className={`flex items-center gap-2 text-lg font-medium ${view.status === "paid" ? "text-pine-700" : view.status === "pending" ? "text-ink" : "text-red-700"}`}
        data-testid="payment-status"
        data-status={view.status}
      >
        {view.status === "pending" && <span aria-hidden="true" className="inline-block h-2.5 w-2.5 animate-pulse rounded-full bg-alipay" />}
        {t(STATUS_KEY[view.status])}
      </p>

      {paying && view.terminalType === "APP" && (
        <div className="space-y-3">
          <AmountAndOrder amount={amount} orderLabel={t("orderLabel")} orderId={view.orderId} />
          {inApp === "wechat" ? (
            <WeChatGuidance url={view.redirectUrl!} qrDescription={qrDescription} />
          ) : (
            <HandOff url={view.redirectUrl!} storageKey={`${view.orderId}:${view.attempt}`} qrDescription={qrDescription} />
          )}
        </div>
      )}

      {paying && view.terminalType !== "APP" && (
        <div className="grid items-start gap-6 sm:grid-cols-[auto_1fr]">
          <AlipayQr url={view.redirectUrl!} description={qrDescription} />
          <div className="space-y-4">
            <AmountAndOrder amount={amount} orderLabel={t("orderLabel")} orderId={view.orderId} />
            <ol className="space-y-1 text-sm">
              <li>{t("step1")}</li>
              <li>{t("step2")}</li>
              <li>{t("step3")}</li>
            </ol>
            {view.paymentExpiresAt && (
              <p className="text-sm">
                {t("timeLeft")} <Countdown until={view.paymentExpiresAt} onExpire={onExpire} />
              </p>
            )}
            <a href={view.redirectUrl!} className="inline-flex items-center gap-2 text-sm font-medium text-alipay-dark underline" data-testid="open-alipay">
              <AlipayMark size={18} /> {t("openHere")}
            </a>
          </div>
        </div>
      )}

      {view.status === "pending" && mode === "return" && (
        <div className="rounded-xl bg-white p-5 text-sm shadow-sm ring-1 ring-pine-100" data-testid="pending-help">
          <p>{gaveUp ? t("notHeard") : t("checking")}</p>
          {gaveUp && (
            <button type="button" onClick={checkAgain} className="mt-3 rounded-lg bg-pine-700 px-4 py-2 font-medium text-white" data-testid="check-again">
              {t("checkAgain")}
            </button>
          )}
          <p className="mt-4 text-ink-soft">{t("leftAlipay")}</p>
          <div className="mt-2 flex flex-wrap gap-3">
            {view.redirectUrl && (
              <a href={view.redirectUrl} className="rounded-lg bg-alipay-dark px-4 py-2 font-medium text-white" data-testid="back-to-alipay">
                {t("returnToAlipay")}
              </a>
            )}
            <PayAgainForm orderId={view.orderId} label={t("startNew")} variant="secondary" />
          </div>
        </div>
      )}

      {view.status === "pending" && mode === "pay" && gaveUp && (
        <button type="button" onClick={checkAgain} className="rounded-lg bg-pine-700 px-4 py-2 text-sm font-medium text-white" data-testid="check-again">
          {t("checkAgain")}
        </button>
      )}

      {view.status === "paid" && (
        <div className="rounded-xl bg-pine-50 p-5 ring-1 ring-pine-100" data-testid="paid">
          <p className="font-medium">{t.rich("received", { amount, order: view.orderId, nowrap: (chunks) => <span className="whitespace-nowrap">{chunks}</span> })}</p>
          <p className="mt-1 text-sm text-ink-soft">{t("packing")}</p>
          <Link href="/" className="mt-4 inline-block font-medium text-pine-700 underline">
            {t("continue")}
          </Link>
        </div>
      )}

      {(view.status === "failed" || view.status === "expired" || view.status === "canceled") && (
        <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-pine-100" data-testid="retry">
          {view.status === "failed" && view.lastError && <p className="text-sm text-ink-soft">{t("alipaySaid", { message: view.lastError })}</p>}
          <p className="mt-1 text-sm text-ink-soft">{t("nothingCharged")}</p>
          <div className="mt-4">
            <PayAgainForm orderId={view.orderId} label={view.status === "expired" && view.terminalType === "WEB" ? t("newCode") : t("payAgain")} />
          </div>
        </div>
      )}

      {error && !view.final && <p className="text-sm text-ink-soft">{t("connectionTrouble")}</p>}
    </div>
  );
}

/** What is being paid, in text beside the QR code or the hand-off: the amount and the order number. */
function AmountAndOrder({ amount, orderLabel, orderId }: { amount: string; orderLabel: string; orderId: string }) {
  return (
    <>
      <p className="text-3xl font-semibold tabular-nums" data-testid="pay-amount">
        {amount}
      </p>
      <p className="text-sm text-ink-soft">
        {orderLabel} <span className="font-mono" data-testid="order-number">{orderId}</span>
      </p>
    </>
  );
}
