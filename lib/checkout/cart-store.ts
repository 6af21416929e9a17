import "server-only";
import { cookies } from "next/headers";
import { readCurrency } from "@/lib/preferences";
import { parseCart, priceCart, serializeCart, type CartItem, type PricedCart } from "./cart";

const CART_COOKIE = "cart";
const THIRTY_DAYS = 60 * 60 * 24 * 30;

export async function readCart(): Promise<CartItem[]> {
  return parseCart((await cookies()).get(CART_COOKIE)?.value);
}

/** The cart priced in the shopper's currency: one currency for the whole cart, from the catalog. */
export async function readPricedCart(): Promise<PricedCart> {
  return priceCart(await readCart(), await readCurrency());
}

/** Only from a server action or route handler, where cookies may be written. */
export async function writeCart(items: CartItem[]): Promise<void> {
  const jar = await cookies();
  if (items.length === 0) {
    jar.delete(CART_COOKIE);
    return;
  }
  jar.set(CART_COOKIE, serializeCart(items), { httpOnly: true, sameSite: "lax", path: "/", maxAge: THIRTY_DAYS });
}
