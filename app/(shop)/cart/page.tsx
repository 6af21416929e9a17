import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { Money } from "@/components/Money";
import { MAX_QUANTITY } from "@/lib/checkout/cart";
import { readPricedCart } from "@/lib/checkout/cart-store";
import { updateQuantityAction } from "./actions";

export const metadata: Metadata = { title: "Cart" };

function QuantityButton({ productId, quantity, label, children, disabled }: { productId: string; quantity: number; label: string; children: React.ReactNode; disabled?: boolean }) {
  return (
    <form action={updateQuantityAction}>
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="quantity" value={quantity} />
      <button type="submit" aria-label={label} disabled={disabled} className="h-9 w-9 rounded-lg border border-pine-100 bg-white text-lg hover:bg-pine-50 disabled:opacity-40">
        {children}
      </button>
    </form>
  );
}

export default async function CartPage() {
  const cart = await readPricedCart();
  if (cart.lines.length === 0) {
    return (
      <section className="py-16 text-center" data-testid="empty-cart">
        <h1 className="text-2xl font-semibold text-pine-800">Your cart is empty</h1>
        <p className="mt-2 text-ink-soft">Find a tea you like first.</p>
        <Link href="/" className="mt-6 inline-block rounded-lg bg-pine-700 px-5 py-2.5 font-medium text-white hover:bg-pine-800">
          Browse the shop
        </Link>
      </section>
    );
  }
  return (
    <section>
      <h1 className="text-2xl font-semibold text-pine-800">Your cart</h1>
      <ul className="mt-6 divide-y divide-pine-100 rounded-xl bg-white shadow-sm ring-1 ring-pine-100">
        {cart.lines.map((line) => (
          <li key={line.product.id} className="flex items-center gap-4 p-4" data-testid={`cart-line-${line.product.id}`}>
            <Image unoptimized src={line.product.image} alt="" width={72} height={72} className="rounded-lg" />
            <div className="flex-1">
              <Link href={`/products/${line.product.id}`} className="font-medium hover:underline">
                {line.product.name}
              </Link>
              <p className="text-sm text-ink-faint">
                <Money amount={line.unitAmount} currency={cart.currency} /> each
              </p>
            </div>
            <div className="flex items-center gap-2">
              <QuantityButton productId={line.product.id} quantity={line.quantity - 1} label={`One fewer ${line.product.name}`}>
                −
              </QuantityButton>
              <span className="w-6 text-center tabular-nums" data-testid="line-quantity">{line.quantity}</span>
              <QuantityButton productId={line.product.id} quantity={line.quantity + 1} label={`One more ${line.product.name}`} disabled={line.quantity >= MAX_QUANTITY}>
                +
              </QuantityButton>
            </div>
            <p className="w-28 text-right font-medium">
              <Money amount={line.lineAmount} currency={cart.currency} />
            </p>
            <QuantityButton productId={line.product.id} quantity={0} label={`Remove ${line.product.name}`}>
              ×
            </QuantityButton>
          </li>
        ))}
      </ul>
      <div className="mt-6 flex flex-wrap items-center justify-end gap-6">
        <p className="text-lg">
          Total <Money amount={cart.total} currency={cart.currency} className="ml-2 font-semibold" />
        </p>
        <Link href="/checkout" className="rounded-lg bg-pine-700 px-6 py-3 font-medium text-white hover:bg-pine-800" data-testid="checkout">
          Checkout
        </Link>
      </div>
    </section>
  );
}
