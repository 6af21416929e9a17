import { z } from "zod";
import { findProduct, type Currency, type Product } from "./catalog";

export const MAX_QUANTITY = 10;

/** What the cart cookie holds: product ids and quantities, never prices. */
export interface CartItem {
  productId: string;
  quantity: number;
}

export interface PricedLine {
  product: Product;
  quantity: number;
  unitAmount: number;
  lineAmount: number;
}

export interface PricedCart {
  currency: Currency;
  lines: PricedLine[];
  total: number;
  count: number;
}

const cookieSchema = z.array(z.object({ p: z.string().max(64), q: z.number().int() })).max(50);

/** Reads the cookie leniently: anything unreadable, unknown or out of range is dropped, never trusted. */
export function parseCart(cookie: string | undefined): CartItem[] {
  if (!cookie) return [];
  let json: unknown;
  try {
    json = JSON.parse(cookie);
  } catch {
    return [];
  }
  const parsed = cookieSchema.safeParse(json);
  if (!parsed.success) return [];
  const items = new Map<string, number>();
  for (const { p, q } of parsed.data) {
    if (!findProduct(p) || q < 1) continue;
    items.set(p, Math.min(MAX_QUANTITY, (items.get(p) ?? 0) + q));
  }
  return [...items].map(([productId, quantity]) => ({ productId, quantity }));
}

export function serializeCart(items: CartItem[]): string {
  return JSON.stringify(items.map((i) => ({ p: i.productId, q: i.quantity })));
}

/** Sets a line's quantity; 0 removes it. Quantities are clamped to what one order may hold. */
export function setQuantity(items: CartItem[], productId: string, quantity: number): CartItem[] {
  const q = Math.max(0, Math.min(MAX_QUANTITY, Math.trunc(quantity)));
  const rest = items.filter((i) => i.productId !== productId);
  if (q === 0) return rest;
  const index = items.findIndex((i) => i.productId === productId);
  const line = { productId, quantity: q };
  return index === -1 ? [...rest, line] : items.map((i) => (i.productId === productId ? line : i));
}

export function addToCart(items: CartItem[], productId: string, quantity: number): CartItem[] {
  const current = items.find((i) => i.productId === productId)?.quantity ?? 0;
  return setQuantity(items, productId, current + quantity);
}

/** Prices the cart from the catalog, on the server: a client never sends a price. */
export function priceCart(items: CartItem[], currency: Currency): PricedCart {
  const lines: PricedLine[] = [];
  for (const item of items) {
    const product = findProduct(item.productId);
    if (!product) continue;
    const unitAmount = product.prices[currency];
    lines.push({ product, quantity: item.quantity, unitAmount, lineAmount: unitAmount * item.quantity });
  }
  return {
    currency,
    lines,
    total: lines.reduce((sum, l) => sum + l.lineAmount, 0),
    count: lines.reduce((sum, l) => sum + l.quantity, 0),
  };
}
