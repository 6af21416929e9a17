import { devices } from "@playwright/test";
import { AlipayWallet } from "./pages/payment";
import { expect, test } from "./fixtures";

const { defaultBrowserType: _ignored, ...pixel } = devices["Pixel 7"];
test.use({ ...pixel });

test("a payment's events reach the app's webhook route, as the sandbox's delivery log shows", async ({ shop, page, payment, sandbox }) => {
  await shop.addToCart("longjing-green-tea");
  await shop.payWithAlipay();
  const wallet = new AlipayWallet(page);
  const orderId = (await page.getByTestId("wallet-order").textContent())!;
  await wallet.pay();
  await payment.expectStatus("paid");

  const [intent] = await sandbox.intentsForOrder(orderId);
  const [eventId] = await sandbox.eventIdsFor(intent!.id, "payment_intent.succeeded");
  expect(eventId).toMatch(/^evt_\d+$/);
  await expect(async () => {
    await page.goto("/sandbox/webhooks");
    const row = page.getByRole("row").filter({ hasText: eventId! });
    await expect(row).toContainText("/api/webhooks/wooshpay");
    await expect(row).toContainText("succeeded");
    await expect(row).toContainText("→ 200");
  }).toPass({ timeout: 15_000 });
});
