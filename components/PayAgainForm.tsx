"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { payAgainAction, type PayState } from "@/app/(shop)/checkout/actions";

export function PayAgainForm({ orderId, label, variant = "primary" }: { orderId: string; label: string; variant?: "primary" | "secondary" }) {
  const t = useTranslations("Pay");
  const [state, action, pending] = useActionState<PayState, FormData>(payAgainAction, undefined);
  const style =
    variant === "primary" ? "bg-alipay-dark text-white hover:bg-alipay-darker" : "bg-white text-alipay-darker ring-1 ring-alipay/40 hover:bg-alipay-light";
  return (
    <form action={action} className="inline-block">
      <input type="hidden" name="orderId" value={orderId} />
      <button type="submit" disabled={pending} className={`rounded-lg px-5 py-2.5 font-medium disabled:opacity-60 ${style}`} data-testid="pay-again">
        {pending ? t("startingAgain") : label}
      </button>
      {state?.error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {state.error}
        </p>
      )}
    </form>
  );
}
