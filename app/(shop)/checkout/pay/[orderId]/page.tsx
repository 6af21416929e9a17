import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderSummary } from "@/components/OrderSummary";
import { PaymentTracker } from "@/components/PaymentTracker";
import { getOrder, toStatusView } from "@/lib/orders";
import { getDb } from "@/lib/runtime";

export const metadata: Metadata = { title: "Scan to pay with Alipay" };
export const dynamic = "force-dynamic";

export default async function PayPage({ params }: { params: Promise<{ orderId: string }> }) {
  const order = await getOrder(await getDb(), (await params).orderId);
  if (!order) notFound();
  return (
    <div className="mx-auto grid max-w-4xl gap-8 md:grid-cols-[1fr_18rem]">
      <section aria-labelledby="pay-heading">
        <h1 id="pay-heading" className="mb-4 text-2xl font-semibold text-pine-800">
          Pay with Alipay
        </h1>
        <PaymentTracker key={order.attempt} initial={toStatusView(order)} mode="pay" />
      </section>
      <OrderSummary
        title={`Order ${order.id}`}
        lines={order.lines.map((l) => ({ key: l.productId, name: l.name, quantity: l.quantity, lineAmount: l.unitAmount * l.quantity }))}
        total={order.amount}
        currency={order.currency}
      />
    </div>
  );
}
