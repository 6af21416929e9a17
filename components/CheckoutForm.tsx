"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { payWithAlipay, type PayState } from "@/app/(shop)/checkout/actions";
import { AlipayMark } from "./AlipayMark";

/** The one primary action of the checkout. The token makes a double press land on one order. */
export function CheckoutForm({ checkoutToken, terminal }: { checkoutToken: string; terminal?: "WEB" | "APP" }) {
  const t = useTranslations("Checkout");
  const [state, action, pending] = useActionState<PayState, FormData>(payWithAlipay, undefined);
  return (
    <form action={action} className="mt-6">
      <input type="hidden" name="checkoutToken" value={checkoutToken} />
      {terminal && <input type="hidden" name="terminal" value={terminal} />}
      <button
        type="submit"
        disabled={pending}
        className="flex w-full items-center justify-center gap-3 rounded-xl bg-alipay-dark px-6 py-4 text-lg font-semibold text-white shadow-sm hover:bg-alipay-darker disabled:opacity-70"
        data-testid="pay-with-alipay"
      >
        <AlipayMark size={28} />
        {pending ? t("connecting") : t("pay")}
      </button>
      <p role="alert" className="mt-3 min-h-5 text-sm text-red-700" data-testid="checkout-error">
        {state?.error}
      </p>
    </form>
  );
}
