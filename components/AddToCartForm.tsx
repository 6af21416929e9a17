"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { addToCartAction, type CartActionState } from "@/app/(shop)/cart/actions";

export function AddToCartForm({ productId }: { productId: string }) {
  const t = useTranslations("Product");
  const [state, action, pending] = useActionState<CartActionState, FormData>(addToCartAction, undefined);
  return (
    <form action={action} className="mt-6 flex flex-wrap items-end gap-3">
      <input type="hidden" name="productId" value={productId} />
      <label className="text-sm">
        <span className="block text-ink-soft">{t("quantity")}</span>
        <select name="quantity" defaultValue="1" className="mt-1 rounded-lg border border-pine-100 bg-white px-3 py-2" data-testid="quantity">
          {Array.from({ length: 10 }, (_, i) => (
            <option key={i + 1} value={i + 1}>
              {i + 1}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-pine-700 px-5 py-2.5 font-medium text-white hover:bg-pine-800 disabled:opacity-60"
        data-testid="add-to-cart"
      >
        {pending ? t("adding") : t("add")}
      </button>
      <p aria-live="polite" className="basis-full text-sm" data-testid="add-to-cart-status">
        {state?.error && <span className="text-red-700">{state.error}</span>}
        {state?.added && (
          <span className="text-pine-700">
            {t("added")}{" "}
            <Link href="/cart" className="underline">
              {t("viewCart")}
            </Link>
          </span>
        )}
      </p>
    </form>
  );
}
