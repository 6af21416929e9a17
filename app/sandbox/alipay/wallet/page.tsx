import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money";
import { getSandbox } from "@/lib/runtime";
import { findByCode } from "@/lib/sandbox/intents";
import { walletChoice } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Sandbox"))("confirm") };
}
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ code?: string; closed?: string }> };

function Outcome({ title, tone, children }: { title: string; tone: "ok" | "bad" | "neutral"; children?: React.ReactNode }) {
  const colour = tone === "ok" ? "text-green-800" : tone === "bad" ? "text-red-700" : "text-ink";
  return (
    <section className="rounded-2xl bg-white p-6 text-center shadow-sm" data-testid="wallet-outcome">
      <h1 role="status" className={`text-xl font-semibold ${colour}`}>
        {title}
      </h1>
      <div className="mt-3 space-y-3 text-sm text-ink-soft">{children}</div>
    </section>
  );
}

/** The Alipay app's payment sheet, as the shopper's phone shows it after a scan or a hand-off. */
export default async function WalletPage({ searchParams }: Props) {
  const t = await getTranslations("Sandbox");
  const locale = await getLocale();
  const { code = "", closed } = await searchParams;
  const sandbox = await getSandbox();
  const view = code ? await findByCode(sandbox, code) : undefined;
  if (!view) {
    return (
      <Outcome title={t("invalidCode")} tone="bad">
        {t("scanAgain")}
      </Outcome>
    );
  }
  const { intent } = view;
  const merchant = sandbox.merchantName;
  const amount = formatMoney({ amount: intent.amount, currency: intent.currency }, locale);
  const onPhone = intent.payment_method_options?.alipay?.terminal_type === "APP";
  const back = intent.return_url && (
    <a href={intent.return_url} className="inline-block rounded-xl bg-alipay-dark px-6 py-3 font-medium text-white" data-testid="back-to-merchant">
      {t("backTo", { merchant })}
    </a>
  );
  // A scanned code was paid on a phone while the shop's page waits on a computer; it updates by itself.
  const elsewhere = onPhone ? back : <p>{t("backToComputer")}</p>;

  if (intent.status === "succeeded") {
    return (
      <Outcome title={t("success")} tone="ok">
        <p className="text-2xl font-semibold tabular-nums text-ink">{amount}</p>
        <p>{t("paidTo", { merchant })}</p>
        {elsewhere}
      </Outcome>
    );
  }
  if (intent.status === "requires_payment_method") {
    return (
      <Outcome title={t("declined")} tone="bad">
        <p>{t("declinedText", { amount })}</p>
        {elsewhere}
      </Outcome>
    );
  }
  if (!view.payable) {
    return (
      <Outcome title={intent.cancellation_reason === "expired" ? t("expired") : t("closedPayment")} tone="neutral">
        <p>{t("startAgain")}</p>
        {elsewhere}
      </Outcome>
    );
  }
  if (closed) {
    return (
      <Outcome title={t("closed")} tone="neutral">
        <p>{t("closedText")}</p>
        <a href={`/sandbox/alipay/wallet?code=${encodeURIComponent(code)}`} className="inline-block font-medium text-alipay-dark underline">
          {t("reopen")}
        </a>
      </Outcome>
    );
  }

  return (
    <form action={walletChoice} className="mx-auto max-w-sm rounded-2xl bg-white p-6 shadow-sm" data-testid="wallet">
      <input type="hidden" name="code" value={code} />
      <p className="text-center text-sm text-ink-soft">{t("payTo")}</p>
      <h1 className="text-center text-lg font-semibold" data-testid="wallet-merchant">
        {merchant}
      </h1>
      <p className="mt-4 text-center text-4xl font-semibold tabular-nums" data-testid="wallet-amount">
        {amount}
      </p>
      <dl className="mt-6 space-y-2 border-t border-gray-100 pt-4 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-ink-soft">{t("order")}</dt>
          <dd className="font-mono" data-testid="wallet-order">
            {intent.merchant_order_id ?? intent.description ?? intent.id}
          </dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="text-ink-soft">{t("payWith")}</dt>
          <dd>{t("balance")}</dd>
        </div>
      </dl>
      <div className="mt-6 grid gap-3">
        <button name="choice" value="pay" className="rounded-xl bg-alipay-dark py-3.5 text-lg font-semibold text-white hover:bg-alipay-darker" data-testid="wallet-pay">
          {t("pay", { amount })}
        </button>
        <button name="choice" value="decline" className="rounded-xl bg-white py-3 font-medium text-red-700 ring-1 ring-red-200 hover:bg-red-50" data-testid="wallet-decline">
          {t("decline")}
        </button>
        <button name="choice" value="close" className="rounded-xl bg-white py-3 font-medium text-ink-soft ring-1 ring-gray-200 hover:bg-gray-50" data-testid="wallet-close">
          {t("close")}
        </button>
      </div>
    </form>
  );
}
