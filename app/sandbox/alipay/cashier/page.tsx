import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AlipayQr } from "@/components/AlipayQr";
import { findByCode } from "@/lib/sandbox/intents";
import { formatMoney } from "@/lib/money";
import { getSandbox } from "@/lib/runtime";
import { CashierWatcher } from "./CashierWatcher";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Sandbox"))("cashier") };
}
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ codeValue?: string }> };

/** Alipay's web cashier (terminal_type WEB): its own QR code, which the Alipay app on a phone scans. */
export default async function CashierPage({ searchParams }: Props) {
  const t = await getTranslations("Sandbox");
  const locale = await getLocale();
  const code = (await searchParams).codeValue ?? "";
  const sandbox = await getSandbox();
  const walletUrl = `${sandbox.publicBaseUrl}/alipay/wallet?code=${encodeURIComponent(code)}`;
  // Opened on a phone (a scanned QR code), the cashier hands over to the app, as Alipay's does.
  if (/Mobile|Android|iPhone|iPad/i.test((await headers()).get("user-agent") ?? "")) redirect(walletUrl);

  const view = code ? await findByCode(sandbox, code) : undefined;
  if (!view) {
    return <h1 className="text-xl font-semibold">{t("invalidCode")}</h1>;
  }
  const { intent } = view;
  const amount = formatMoney({ amount: intent.amount, currency: intent.currency }, locale);
  const merchant = sandbox.merchantName;
  return (
    <section className="grid gap-8 rounded-2xl bg-white p-8 shadow-sm sm:grid-cols-[auto_1fr]" data-testid="cashier">
      <div className="text-center">
        {view.payable ? (
          <AlipayQr url={walletUrl} description={t("cashierQrAlt", { amount, merchant })} />
        ) : (
          <p className="w-60 text-sm text-ink-soft">{intent.status === "succeeded" ? t("paidState") : t("closedState")}</p>
        )}
        <p className="mt-3 text-sm font-medium text-alipay-dark">{t("scanWithApp")}</p>
      </div>
      <div className="space-y-4">
        <div>
          <p className="text-sm text-ink-soft">{merchant}</p>
          <h1 className="text-4xl font-semibold tabular-nums">{amount}</h1>
          <p className="mt-1 font-mono text-xs text-ink-soft">{intent.merchant_order_id ?? intent.id}</p>
        </div>
        {view.payable && <CashierWatcher code={code} />}
        {view.payable && (
          <a href={walletUrl} className="inline-block rounded-xl bg-alipay-dark px-5 py-2.5 font-medium text-white" data-testid="cashier-login">
            {t("login")}
          </a>
        )}
        {intent.return_url && (
          <p>
            <a href={intent.return_url} className="text-sm text-ink-soft underline">
              {t("backTo", { merchant })}
            </a>
          </p>
        )}
      </div>
    </section>
  );
}
