import "server-only";
import { cookies, headers } from "next/headers";
import { CURRENCIES, type Currency } from "@/lib/checkout/catalog";
import { LOCALE_COOKIE, isLocale, negotiateLocale, type Locale } from "@/lib/i18n";

export const CURRENCY_COOKIE = "currency";
const ONE_YEAR = 60 * 60 * 24 * 365;

/** The shopper's language: the one they chose, else the best match for their browser. */
export async function readLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : negotiateLocale((await headers()).get("accept-language"));
}

function isCurrency(value: string | undefined): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value ?? "");
}

/** The shopper's currency: the one they chose, else CNY, Alipay's own. */
export async function readCurrency(): Promise<Currency> {
  const chosen = (await cookies()).get(CURRENCY_COOKIE)?.value;
  return isCurrency(chosen) ? chosen : "CNY";
}

/** Only from a server action. Returns false for a value we do not offer. */
export async function rememberLocale(value: string): Promise<boolean> {
  if (!isLocale(value)) return false;
  (await cookies()).set(LOCALE_COOKIE, value, { path: "/", sameSite: "lax", maxAge: ONE_YEAR });
  return true;
}

export async function rememberCurrency(value: string): Promise<boolean> {
  if (!isCurrency(value)) return false;
  (await cookies()).set(CURRENCY_COOKIE, value, { path: "/", sameSite: "lax", maxAge: ONE_YEAR });
  return true;
}
