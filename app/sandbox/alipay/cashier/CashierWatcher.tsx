"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** Alipay's cashier notices a payment made on the phone and sends the shopper on to the merchant. */
export function CashierWatcher({ code }: { code: string }) {
  const t = useTranslations("Sandbox");
  const [message, setMessage] = useState<"waiting" | "returning" | "noLongerOpen">("waiting");
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      const response = await fetch(`/sandbox/alipay/status?code=${encodeURIComponent(code)}`, { cache: "no-store" }).catch(() => undefined);
      if (!response?.ok || stopped) return;
      const { status, returnUrl } = (await response.json()) as { status: string; returnUrl: string | null };
      if (status === "succeeded") {
        stopped = true;
        clearInterval(timer);
        setMessage("returning");
        if (returnUrl) window.location.assign(returnUrl);
      } else if (status !== "requires_action") {
        stopped = true;
        clearInterval(timer);
        setMessage("noLongerOpen");
      }
    }, 2000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [code]);
  return (
    <p role="status" aria-live="polite" className="text-sm text-ink-soft" data-testid="cashier-status">
      {t(message)}
    </p>
  );
}
