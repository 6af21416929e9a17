import { devices } from "@playwright/test";
import { AlipayWallet } from "./pages/payment";
import { expect, test } from "./fixtures";

for (const [device, osType] of [
  ["iPhone 13", "IOS"],
  ["Pixel 7", "ANDROID"],
] as const) {
  test.describe(`phone (${device}): hand-off to the Alipay app`, () => {
    const { defaultBrowserType: _ignored, ...emulation } = devices[device];
    test.use({ ...emulation });

    test("pay in the wallet and come back to a page that shows paid", async ({ shop, page, payment, sandbox }) => {
      const wallet = new AlipayWallet(page);
      await shop.addToCart("yixing-clay-teapot");
      await shop.payWithAlipay();

      await test.step("the browser is handed straight to the Alipay wallet", async () => {
        await expect(page).toHaveURL(/\/sandbox\/alipay\/wallet\?code=/);
        await wallet.expectSheet("CNY 880.00");
      });
      const orderId = (await page.getByTestId("wallet-order").textContent())!;
      const [intent] = await sandbox.intentsForOrder(orderId);
      expect(intent!.payment_method_options.alipay).toMatchObject({ terminal_type: "APP", os_type: osType });

      await wallet.pay();
      await expect(page).toHaveURL(new RegExp(`/checkout/return\\?order=${orderId}`));
      await payment.expectStatus("paid");
      await expect(page.getByTestId("paid")).toContainText("CNY 880.00");
    });

    test("declining in the wallet ends in a clear failure with a way to pay again", async ({ shop, page, payment }) => {
      const wallet = new AlipayWallet(page);
      await shop.addToCart("silk-scarf-peony");
      await shop.payWithAlipay();
      await wallet.decline();
      await wallet.expectOutcome("Payment declined");
      await page.getByTestId("back-to-merchant").click();

      await payment.expectStatus("failed");
      await page.getByTestId("pay-again").click();
      await expect(page).toHaveURL(/\/sandbox\/alipay\/wallet\?code=/);
      await wallet.pay();
      await payment.expectStatus("paid");
    });

    test("closing the wallet comes back to a waiting order that can return to Alipay or start again", async ({ shop, page, payment }) => {
      const wallet = new AlipayWallet(page);
      await shop.addToCart("aged-puer-cake");
      await shop.payWithAlipay();
      await expect(page).toHaveURL(/\/sandbox\/alipay\/wallet\?code=/);
      const walletUrl = page.url();
      await wallet.close();

      await expect(page).toHaveURL(/\/checkout\/return\?order=LP-/);
      await payment.expectStatus("pending");
      await expect(page.getByTestId("pending-help")).toContainText("Left Alipay without paying?");
      await expect(page.getByTestId("back-to-alipay")).toBeVisible();

      await page.getByRole("button", { name: "Start a new payment" }).click();
      await expect(page).toHaveURL(/\/sandbox\/alipay\/wallet\?code=/);
      expect(page.url()).not.toBe(walletUrl);
      await wallet.pay();
      await payment.expectStatus("paid");
    });
  });
}
