"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { addToCart, MAX_QUANTITY, setQuantity } from "@/lib/checkout/cart";
import { readCart, writeCart } from "@/lib/checkout/cart-store";
import { findProduct } from "@/lib/checkout/catalog";

const lineSchema = z.object({
  productId: z.string().refine((id) => findProduct(id) !== undefined, "That product is not in the catalog."),
  quantity: z.coerce.number().int().min(0).max(MAX_QUANTITY),
});

export type CartActionState = { error?: string; added?: number } | undefined;

export async function addToCartAction(_prev: CartActionState, formData: FormData): Promise<CartActionState> {
  const parsed = lineSchema.safeParse({ productId: formData.get("productId"), quantity: formData.get("quantity") ?? 1 });
  if (!parsed.success || parsed.data.quantity < 1) return { error: (await getTranslations("Product"))("badQuantity", { max: MAX_QUANTITY }) };
  await writeCart(addToCart(await readCart(), parsed.data.productId, parsed.data.quantity));
  return { added: parsed.data.quantity };
}

export async function updateQuantityAction(formData: FormData): Promise<void> {
  const parsed = lineSchema.safeParse({ productId: formData.get("productId"), quantity: formData.get("quantity") });
  if (parsed.success) await writeCart(setQuantity(await readCart(), parsed.data.productId, parsed.data.quantity));
  redirect("/cart");
}
