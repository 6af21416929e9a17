import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { OrderSummary } from "@/components/OrderSummary";
import { PaymentTracker } from "@/components/PaymentTracker";
import { lineName } from "@/lib/checkout/catalog";
import { getOrder, toStatusView } from "@/lib/orders";
import { getDb } from "@/lib/runtime";
import { EmptyState } from "@/components/EmptyState";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Return"))("title") };
}
export const dynamic = "force-dynamic";

/** Where Alipay sends the shopper back (`return_url`). Arriving here proves nothing: the status is checked. */
export default async function ReturnPage({ searchParams }: { searchParams: Promise<{ order?: string }> }) {
  const t = await getTranslations("Return");
  const orderId = (await searchParams).order;
  const order = orderId ? await getOrder(await getDb(), orderId) : undefined;
  if (!order) {
    return <EmptyState title={t("notFoundHeading")} text={t("notFoundText")} linkLabel={t("back")} />;
  }
  const locale = await getLocale();
  const checkout = await getTranslations("Checkout");
  return (
    <div className="mx-auto grid max-w-4xl gap-8 md:grid-cols-[1fr_18rem]">
      <section aria-labelledby="order-heading">
        <h1 id="order-heading" className="text-2xl font-semibold text-pine-800">
          {(await getTranslations("Pay"))("order", { id: order.id })}
        </h1>
        <p className="mt-1 text-sm text-ink-soft">
          {t("placed", { date: (await getFormatter()).dateTime(new Date(order.createdAt), { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
        <div className="mt-4">
          <PaymentTracker key={order.attempt} initial={toStatusView(order)} mode="return" />
        </div>
      </section>
      <OrderSummary
        title={checkout("summary")}
        totalLabel={checkout("total")}
        lines={order.lines.map((l) => ({ key: l.productId, name: lineName(l.productId, l.name, locale), quantity: l.quantity, lineAmount: l.unitAmount * l.quantity }))}
        total={order.amount}
        currency={order.currency}
      />
    </div>
  );
}
