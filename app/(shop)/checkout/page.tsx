import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { AlipayMark } from "@/components/AlipayMark";
import { CheckoutForm } from "@/components/CheckoutForm";
import { OrderSummary } from "@/components/OrderSummary";
import { readPricedCart } from "@/lib/checkout/cart-store";
import { parseTerminalOverride } from "@/lib/checkout/terminal";

export const metadata: Metadata = { title: "Checkout" };

type Props = { searchParams: Promise<{ terminal?: string }> };

export default async function CheckoutPage({ searchParams }: Props) {
  const cart = await readPricedCart();
  // QA can force the Alipay flow: /checkout?terminal=WEB (QR code) or ?terminal=APP (hand-off).
  const forced = parseTerminalOverride((await searchParams).terminal);
  if (cart.lines.length === 0) {
    return (
      <section className="py-16 text-center">
        <h1 className="text-2xl font-semibold text-pine-800">Nothing to pay for yet</h1>
        <p className="mt-2 text-ink-soft">Your cart is empty.</p>
        <Link href="/" className="mt-6 inline-block rounded-lg bg-pine-700 px-5 py-2.5 font-medium text-white">
          Browse the shop
        </Link>
      </section>
    );
  }
  return (
    <div className="mx-auto grid max-w-3xl gap-6 md:grid-cols-2">
      <div>
        <h1 className="text-2xl font-semibold text-pine-800">Checkout</h1>
        <OrderSummary
          lines={cart.lines.map((l) => ({ key: l.product.id, name: l.product.name, quantity: l.quantity, lineAmount: l.lineAmount }))}
          total={cart.total}
          currency={cart.currency}
        />
      </div>
      <section aria-labelledby="payment-method" className="md:pt-11">
        <h2 id="payment-method" className="font-semibold">Payment method</h2>
        <div className="mt-3 flex items-center gap-3 rounded-xl border-2 border-alipay bg-alipay-light p-4">
          <AlipayMark size={36} />
          <div>
            <p className="font-medium">Alipay 支付宝</p>
            <p className="text-sm text-ink-soft">On a computer you scan a QR code with the Alipay app; on a phone, Alipay opens to confirm.</p>
          </div>
        </div>
        {forced && (
          <p className="mt-3 rounded-lg bg-sandbox-light px-3 py-2 text-xs text-sandbox" data-testid="forced-terminal">
            Testing: the {forced === "WEB" ? "desktop QR code" : "phone hand-off"} flow is forced (terminal_type {forced}).
          </p>
        )}
        <CheckoutForm checkoutToken={randomUUID()} terminal={forced} />
      </section>
    </div>
  );
}
