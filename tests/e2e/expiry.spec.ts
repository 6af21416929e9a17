import { E2E_ALIPAY_TIMEOUT_SECONDS } from "../../playwright.config";
import { expect, test } from "./fixtures";

test("an unpaid QR code expires at the end of the countdown, and one click brings a fresh code", async ({ shop, payment, page }) => {
  test.setTimeout((E2E_ALIPAY_TIMEOUT_SECONDS + 60) * 1000);
  await shop.addToCart("tieguanyin-oolong");
  await shop.payWithAlipay();
  const firstUrl = await payment.decodeQr();

  const left = await page.getByTestId("countdown").textContent();
  const [minutes, seconds] = left!.split(":").map(Number);
  test.skip(minutes! * 60 + seconds! > 120, "The target app's Alipay timeout is long; run against the suite's own server (ALIPAY_TIMEOUT_SECONDS is short there).");

  await payment.expectStatus("expired", (E2E_ALIPAY_TIMEOUT_SECONDS + 20) * 1000);
  await expect(page.getByTestId("retry")).toContainText("Nothing was charged");
  await page.getByRole("button", { name: "Get a new QR code" }).click();
  await payment.expectStatus("pending");
  await expect.poll(() => payment.decodeQr()).not.toBe(firstUrl);
});
