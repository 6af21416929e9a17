"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { AlipayQr } from "./AlipayQr";

const FALLBACK_AFTER_MS = 3000;

/**
 * Hands the phone over to the Alipay app, once per payment (coming back with the Back button does not
 * bounce the shopper away again). If the page is still in front a few seconds later, the app did not
 * open: offer to try again, and the QR code for another phone.
 */
export function HandOff({ url, storageKey, qrDescription }: { url: string; storageKey: string; qrDescription: string }) {
  const t = useTranslations("Pay");
  const [stuck, setStuck] = useState(false);
  useEffect(() => {
    const key = `alipay-handoff:${storageKey}`;
    if (!sessionStorage.getItem(key)) {
      sessionStorage.setItem(key, "1");
      window.location.assign(url);
    }
    const timer = setTimeout(() => {
      if (document.visibilityState === "visible") setStuck(true);
    }, FALLBACK_AFTER_MS);
    return () => clearTimeout(timer);
  }, [url, storageKey]);

  if (!stuck) {
    return (
      <p className="text-ink-soft" data-testid="handoff">
        {t("handingOff")}
      </p>
    );
  }
  return (
    <div className="space-y-4" data-testid="handoff-fallback">
      <p className="font-medium">{t("handoffStuck")}</p>
      <a href={url} className="inline-block rounded-xl bg-alipay-dark px-6 py-3 font-semibold text-white" data-testid="open-alipay-again">
        {t("openAgain")}
      </a>
      <p className="text-sm text-ink-soft">{t("handoffQr")}</p>
      <AlipayQr url={url} description={qrDescription} />
    </div>
  );
}
