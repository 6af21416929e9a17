import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Money } from "@/components/Money";
import { MAX_QUANTITY } from "@/lib/checkout/cart";
import { readPricedCart } from "@/lib/checkout/cart-store";
import { productText } from "@/lib/checkout/catalog";
import { updateQuantityAction } from "./actions";
import { EmptyState } from "@/components/EmptyState";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Cart"))("title") };
}

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
  const t = await getTranslations("Cart");
  const locale = await getLocale();
  if (cart.lines.length === 0) {
    return <EmptyState title={t("emptyHeading")} text={t("emptyText")} linkLabel={t("browse")} testId="empty-cart" />;
  }
  return (
    <section>
      <h1 className="text-2xl font-semibold text-pine-800">{t("heading")}</h1>
      <ul className="mt-6 divide-y divide-pine-100 rounded-xl bg-white shadow-sm ring-1 ring-pine-100">
        {cart.lines.map((line) => {
          const name = productText(line.product, locale).name;
          return (
          <li key={line.product.id} className="flex items-center gap-4 p-4" data-testid={`cart-line-${line.product.id}`}>
            <Image unoptimized src={line.product.image} alt="" width={72} height={72} className="rounded-lg" />
            <div className="flex-1">
              <Link href={`/products/${line.product.id}`} className="font-medium hover:underline">
                {name}
              </Link>
              <p className="text-sm text-ink-soft">{t.rich("each", { price: () => <Money amount={line.unitAmount} currency={cart.currency} /> })}</p>
            </div>
            <div className="flex items-center gap-2">
              <QuantityButton productId={line.product.id} quantity={line.quantity - 1} label={t("fewer", { name })}>
                −
              </QuantityButton>
              <span className="w-6 text-center tabular-nums" data-testid="line-quantity">{line.quantity}</span>
              <QuantityButton productId={line.product.id} quantity={line.quantity + 1} label={t("more", { name })} disabled={line.quantity >= MAX_QUANTITY}>
                +
              </QuantityButton>
            </div>
            <p className="w-28 text-right font-medium">
              <Money amount={line.lineAmount} currency={cart.currency} />
            </p>
            <QuantityButton productId={line.product.id} quantity={0} label={t("remove", { name })}>
              ×
            </QuantityButton>
          </li>
          );
        })}
      </ul>
      <div className="mt-6 flex flex-wrap items-center justify-end gap-6">
        <p className="text-lg">
          {t("total")} <Money amount={cart.total} currency={cart.currency} className="ml-2 font-semibold" data-testid="cart-total" />
        </p>
        <Link href="/checkout" className="rounded-lg bg-pine-700 px-6 py-3 font-medium text-white hover:bg-pine-800" data-testid="checkout">
          {t("checkout")}
        </Link>
      </div>
    </section>
  );
}
