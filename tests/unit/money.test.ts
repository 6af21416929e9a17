import { describe, expect, it } from "vitest";
import { formatMoney, toMajorUnits } from "@/lib/money";

/** Intl puts a no-break space between the currency code and the number; compare with plain spaces. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ");
}

describe("formatMoney", () => {
  it.each([
    [37400, "CNY", "CNY 374.00"],
    [1890, "GBP", "GBP 18.90"],
    [2390, "USD", "USD 23.90"],
    [2190, "EUR", "EUR 21.90"],
    [18500, "HKD", "HKD 185.00"],
    [1, "CNY", "CNY 0.01"],
    [0, "USD", "USD 0.00"],
    [128000, "CNY", "CNY 1,280.00"],
    [123456789, "HKD", "HKD 1,234,567.89"],
  ])("formats %i minor units of %s as %s", (amount, currency, expected) => {
    expect(plain(formatMoney({ amount, currency }))).toBe(expected);
  });

  it("shows the ISO code rather than a symbol, so that ¥ of yuan and yen cannot be confused", () => {
    const text = formatMoney({ amount: 16800, currency: "CNY" });
    expect(text).toContain("CNY");
    expect(text).not.toMatch(/[¥￥$£€]/);
  });

  it("formats in zh-CN with the amount and the currency code in it", () => {
    const text = plain(formatMoney({ amount: 37400, currency: "CNY" }, "zh-CN"));
    expect(text).toContain("374.00");
    expect(text).toContain("CNY");
  });

  it("formats thousands in zh-CN with the full amount", () => {
    const text = plain(formatMoney({ amount: 128000, currency: "CNY" }, "zh-CN"));
    expect(text.replace(/,/g, "")).toContain("1280.00");
  });

  it("keeps a zero-decimal currency whole (100 JPY stays 100, not 1.00)", () => {
    expect(plain(formatMoney({ amount: 100, currency: "JPY" }))).toBe("JPY 100");
  });
});

describe("toMajorUnits", () => {
  it.each([
    [37400, "CNY", 374],
    [1890, "GBP", 18.9],
    [2390, "USD", 23.9],
    [2190, "EUR", 21.9],
    [18550, "HKD", 185.5],
    [1, "CNY", 0.01],
    [0, "EUR", 0],
  ])("turns %i minor units of %s into %d", (amount, currency, expected) => {
    expect(toMajorUnits(amount, currency)).toBeCloseTo(expected, 10);
  });

  it("leaves a currency without minor units as it is", () => {
    expect(toMajorUnits(500, "JPY")).toBe(500);
  });
});
