import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { PaymentPage } from "./pages/payment";
import { Shop } from "./pages/shop";
import { expect, test } from "./fixtures";

/** Serious and critical problems only: what blocks or badly hinders someone using the page. */
async function expectNoSeriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `${name}: ${page.url()}`).toEqual([]);
}

for (const locale of ["en", "zh-CN"] as const) {
  test.describe(`every page in ${locale}`, () => {
    test.use({ locale, extraHTTPHeaders: { "Accept-Language": locale } });

    test("has no serious or critical axe violation", async ({ page }) => {
      test.setTimeout(90_000);
      const shop = new Shop(page);
      await page.goto("/cart");
      await expectNoSeriousViolations(page, "empty cart");
      await page.goto("/checkout");
      await expectNoSeriousViolations(page, "empty checkout");
      await page.goto("/");
      await expectNoSeriousViolations(page, "catalog");
      await page.goto("/products/yixing-clay-teapot");
      await expectNoSeriousViolations(page, "product");
      await shop.addToCart("yixing-clay-teapot");
      await expectNoSeriousViolations(page, "product after adding");
      await page.goto("/cart");
      await expectNoSeriousViolations(page, "cart");
      await page.goto("/checkout");
      await expectNoSeriousViolations(page, "checkout");
      await page.getByTestId("pay-with-alipay").click();
      await page.waitForURL(/\/checkout\/pay\//);
      const payment = new PaymentPage(page);
      await expect(page.getByTestId("alipay-qr")).toBeVisible();
      await expectNoSeriousViolations(page, "pay (QR code)");
      const orderId = payment.orderId();
      const cashierUrl = await payment.decodeQr();

      await page.goto(cashierUrl);
      await expect(page.getByTestId("cashier")).toBeVisible();
      await expectNoSeriousViolations(page, "sandbox cashier");
      await page.getByTestId("cashier-login").click();
      await expect(page.getByTestId("wallet")).toBeVisible();
      await expectNoSeriousViolations(page, "sandbox wallet");
      await page.getByTestId("wallet-decline").click();
      await expect(page.getByTestId("wallet-outcome")).toBeVisible();
      await expectNoSeriousViolations(page, "sandbox wallet outcome");

      await page.goto(`/checkout/return?order=${orderId}`);
      await payment.expectStatus("failed");
      await expectNoSeriousViolations(page, "return (declined)");
      await page.getByTestId("pay-again").click();
      await page.waitForURL(/\/checkout\/pay\//);
      await expect(page.getByTestId("alipay-qr")).toBeVisible();
      await page.goto(await payment.decodeQr());
      await page.getByTestId("cashier-login").click();
      await page.getByTestId("wallet-pay").click();
      await expect(page.getByTestId("wallet-outcome")).toBeVisible();
      await page.goto(`/checkout/return?order=${orderId}`);
      await payment.expectStatus("paid");
      await expectNoSeriousViolations(page, "return (paid)");
      await page.goto("/checkout/return?order=LP-NOTANORDER0");
      await expectNoSeriousViolations(page, "return (unknown order)");
    });
  });
}
