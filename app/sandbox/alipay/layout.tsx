import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: { default: "Alipay (WooshPay sandbox)", template: "%s · Alipay sandbox" } };

/** Chrome of the simulated Alipay pages: recognisably Alipay, and plainly the sandbox. */
export default async function AlipaySandboxLayout({ children }: { children: ReactNode }) {
  if (!config().sandboxEnabled) notFound();
  const t = await getTranslations("Sandbox");
  return (
    <div className="min-h-screen bg-[#f5f6f8]">
      <header className="bg-alipay-dark text-white">
        <div className="mx-auto flex max-w-3xl items-center gap-2 px-4 py-3">
          <span aria-hidden="true" className="rounded-md bg-white px-1.5 font-bold text-alipay-dark">支</span>
          <span className="text-lg font-semibold">支付宝 Alipay</span>
        </div>
      </header>
      <p className="bg-sandbox-light px-4 py-1.5 text-center text-xs text-sandbox" data-testid="sandbox-notice">
        {t("notice")}
      </p>
      <main className="mx-auto max-w-3xl px-4 py-6">{children}</main>
    </div>
  );
}
