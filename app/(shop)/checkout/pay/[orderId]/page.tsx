import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { OrderSummary } from "@/components/OrderSummary";
import { PaymentTracker } from "@/components/PaymentTracker";
import { lineName } from "@/lib/checkout/catalog";
import { detectInAppBrowser } from "@/lib/checkout/terminal";
import { getOrder, toStatusView } from "@/lib/orders";
import { getDb } from "@/lib/runtime";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Pay"))("title") };
}
export const dynamic = "force-dynamic";

export default async function PayPage({ params }: { params: Promise<{ orderId: string }> }) {
  const order = await getOrder(await getDb(), (await params).orderId);
  if (!order) notFound();
  const t = await getTranslations("Pay");
  const locale = await getLocale();
  return (
    <div className="mx-auto grid max-w-4xl gap-8 md:grid-cols-[1fr_18rem]">
      <section aria-labelledby="pay-heading">
        <h1 id="pay-heading" className="mb-4 text-2xl font-semibold text-pine-800">
          {t("heading")}
        </h1>
        <PaymentTracker key={order.attempt} initial={toStatusView(order)} mode="pay" inApp={detectInAppBrowser(await headers())} />
      </section>
      <OrderSummary
        title={t("order", { id: order.id })}
        totalLabel={(await getTranslations("Checkout"))("total")}
        lines={order.lines.map((l) => ({ key: l.productId, name: lineName(l.productId, l.name, locale), quantity: l.quantity, lineAmount: l.unitAmount * l.quantity }))}
        total={order.amount}
        currency={order.currency}
      />
    </div>
  );
}
