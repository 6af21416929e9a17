/** Money is an integer in the currency's minor unit everywhere; it becomes text only here, at the edge. */
export interface Money {
  amount: number;
  currency: string;
}

function fractionDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function toMajorUnits(amount: number, currency: string): number {
  return amount / 10 ** fractionDigits(currency);
}

/** `CNY 168.00`: the ISO code rather than a symbol, since ¥ and $ alone are ambiguous across the five currencies. */
export function formatMoney({ amount, currency }: Money, locale = "en"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "code" }).format(toMajorUnits(amount, currency));
}

/**
 * The smallest charge Alipay through WooshPay accepts: 0.01 CNY, and one minor unit of the other
 * currencies (all five have two decimals).
 */
export const MINIMUM_CHARGE = 1;
