"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { config } from "@/lib/config";
import { readPricedCart, writeCart } from "@/lib/checkout/cart-store";
import { ensurePayment, payAgain, type PaymentDeps } from "@/lib/checkout/payment";
import { clientIpFrom, terminalFor } from "@/lib/checkout/request";
import { detectInAppBrowser } from "@/lib/checkout/terminal";
import { MINIMUM_CHARGE } from "@/lib/money";
import { createOrder, findOrderByCheckoutToken, getOrder, OrderConflictError, type Order } from "@/lib/orders";
import { getDb, getGateway } from "@/lib/runtime";
import { WooshPayError } from "@/lib/wooshpay";

export type PayState = { error?: string } | undefined;

const terminalField = z.enum(["WEB", "APP"]).optional().catch(undefined);
const payInput = z.object({ checkoutToken: z.uuid(), terminal: terminalField });
const payAgainInput = z.object({ orderId: z.string().regex(/^LP-[A-Z0-9]{12}$/), terminal: terminalField });

async function paymentDeps(): Promise<PaymentDeps> {
  const c = config();
  return { db: await getDb(), gateway: getGateway(), appUrl: c.appUrl, timeoutSeconds: c.alipayTimeoutSeconds };
}

/**
 * Where the shopper goes once the order has a payment: our pay page (the QR code on a desktop; on a
 * phone, the hand-off with its fallback, or the guidance WeChat needs), straight to Alipay inside
 * Alipay's own browser, or the order page when nothing is left to pay.
 */
function destination(order: Order, requestHeaders: Headers): string {
  if (order.status !== "pending" || !order.redirectUrl) return `/checkout/return?order=${order.id}`;
  if (order.terminalType === "APP" && detectInAppBrowser(requestHeaders) === "alipay") return order.redirectUrl;
  return `/checkout/pay/${order.id}`;
}

async function explain(error: unknown): Promise<PayState> {
  const t = await getTranslations("Checkout");
  if (error instanceof WooshPayError) {
    console.error(`[checkout] WooshPay ${error.statusCode ?? "-"} ${error.type}/${error.code ?? "-"}: ${error.message}`);
    return { error: t("errorGateway") };
  }
  if (error instanceof OrderConflictError) return { error: t("errorConflict") };
  throw error;
}

/**
 * The Pay with Alipay button. Prices come from the catalog on the server, in the shopper's currency;
 * the order is written before the payment intent, and a second press of the same form finds the same
 * order and intent.
 */
export async function payWithAlipay(_prev: PayState, formData: FormData): Promise<PayState> {
  const t = await getTranslations("Checkout");
  const input = payInput.safeParse({ checkoutToken: formData.get("checkoutToken"), terminal: formData.get("terminal") ?? undefined });
  if (!input.success) return { error: t("errorStale") };

  const cart = await readPricedCart();
  const deps = await paymentDeps();
  const requestHeaders = await headers();
  let order: Order;
  try {
    // A second press of the same form arrives after the cart was emptied: it finds the first order.
    const existing = await findOrderByCheckoutToken(deps.db, input.data.checkoutToken);
    if (!existing && cart.lines.length === 0) return { error: t("errorEmpty") };
    if (!existing && cart.total < MINIMUM_CHARGE) return { error: t("errorMinimum") };
    order =
      existing ??
      (await createOrder(deps.db, {
        checkoutToken: input.data.checkoutToken,
        currency: cart.currency,
        lines: cart.lines.map((l) => ({ productId: l.product.id, name: l.product.name, unitAmount: l.unitAmount, quantity: l.quantity })),
      }));
    order = await ensurePayment(deps, order, {
      terminal: terminalFor(requestHeaders, input.data.terminal),
      clientIp: clientIpFrom(requestHeaders),
    });
  } catch (error) {
    return explain(error);
  }
  await writeCart([]);
  redirect(destination(order, requestHeaders));
}

/** After a decline, an expiry, or leaving Alipay unpaid: cancel what is open, start a new payment. */
export async function payAgainAction(_prev: PayState, formData: FormData): Promise<PayState> {
  const t = await getTranslations("Checkout");
  const input = payAgainInput.safeParse({ orderId: formData.get("orderId"), terminal: formData.get("terminal") ?? undefined });
  if (!input.success) return { error: t("errorOrderId") };
  const deps = await paymentDeps();
  const requestHeaders = await headers();
  let order = await getOrder(deps.db, input.data.orderId);
  if (!order) return { error: t("errorOrder") };
  try {
    order = await payAgain(deps, order, {
      terminal: terminalFor(requestHeaders, input.data.terminal ?? order.terminalType ?? undefined),
      clientIp: clientIpFrom(requestHeaders),
    });
  } catch (error) {
    return explain(error);
  }
  redirect(destination(order, requestHeaders));
}
