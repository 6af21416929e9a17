import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AlipayMark } from "@/components/AlipayMark";
import { CheckoutForm } from "@/components/CheckoutForm";
import { OrderSummary } from "@/components/OrderSummary";
import { readPricedCart } from "@/lib/checkout/cart-store";
import { productText } from "@/lib/checkout/catalog";
import { parseTerminalOverride } from "@/lib/checkout/terminal";
import { EmptyState } from "@/components/EmptyState";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Checkout"))("title") };
}

type Props = { searchParams: Promise<{ terminal?: string }> };

export default async function CheckoutPage({ searchParams }: Props) {
  const t = await getTranslations("Checkout");
  const locale = await getLocale();
  const cart = await readPricedCart();
  // QA can force the Alipay flow: /checkout?terminal=WEB (QR code) or ?terminal=APP (hand-off).
  const forced = parseTerminalOverride((await searchParams).terminal);
  if (cart.lines.length === 0) {
    return <EmptyState title={t("nothingHeading")} text={t("errorEmpty")} linkLabel={(await getTranslations("Cart"))("browse")} />;
  }
  return (
    <div className="mx-auto grid max-w-3xl gap-6 md:grid-cols-2">
      <div>
        <h1 className="mb-4 text-2xl font-semibold text-pine-800">{t("heading")}</h1>
        <OrderSummary
          title={t("summary")}
          totalLabel={t("total")}
          lines={cart.lines.map((l) => ({ key: l.product.id, name: productText(l.product, locale).name, quantity: l.quantity, lineAmount: l.lineAmount }))}
          total={cart.total}
          currency={cart.currency}
        />
      </div>
      <section aria-labelledby="payment-method" className="md:pt-12">
        <h2 id="payment-method" className="font-semibold">
          {t("method")}
        </h2>
        <div className="mt-3 flex items-center gap-3 rounded-xl border-2 border-alipay bg-alipay-light p-4">
          <AlipayMark size={36} />
          <div>
            <p className="font-medium">{t("alipay")}</p>
            <p className="text-sm text-ink-soft">{t("alipayHint")}</p>
          </div>
        </div>
        {forced && (
          <p className="mt-3 rounded-lg bg-sandbox-light px-3 py-2 text-xs text-sandbox" data-testid="forced-terminal">
            {t("forced", { flow: forced === "WEB" ? t("flowWeb") : t("flowApp"), terminal: forced })}
          </p>
        )}
        <CheckoutForm checkoutToken={randomUUID()} terminal={forced} />
      </section>
    </div>
  );
}
