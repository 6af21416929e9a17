"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { AlipayQr } from "./AlipayQr";

/** WeChat blocks Alipay: rather than a dead redirect, say how to get out, and offer the QR code. */
export function WeChatGuidance({ url, qrDescription }: { url: string; qrDescription: string }) {
  const t = useTranslations("Pay");
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-pine-100" data-testid="wechat-guidance">
      <h2 className="text-lg font-semibold">{t("wechatHeading")}</h2>
      <p>{t("wechatSteps")}</p>
      <button
        type="button"
        className="rounded-lg bg-pine-700 px-4 py-2 text-sm font-medium text-white"
        onClick={async () => {
          await navigator.clipboard?.writeText(window.location.href).catch(() => undefined);
          setCopied(true);
        }}
      >
        {copied ? t("copied") : t("wechatCopy")}
      </button>
      <AlipayQr url={url} description={qrDescription} />
    </div>
  );
}
