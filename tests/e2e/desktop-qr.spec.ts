import { expect, test } from "./fixtures";

test.describe("desktop: pay by scanning the QR code", () => {
  test("the QR code carries the intent's redirect URL, and paying on the phone turns the page to paid without a reload", async ({ shop, payment, sandbox, phone, page }) => {
    await test.step("fill the cart and press Pay with Alipay", async () => {
      await shop.addToCart("longjing-green-tea", 2);
      await shop.addToCart("red-paper-lantern");
      await shop.payWithAlipay();
      await expect(page).toHaveURL(/\/checkout\/pay\/LP-/);
    });

    const orderId = payment.orderId();
    let qrUrl = "";
    await test.step("the page shows amount, order number and a QR code of the intent's redirect URL", async () => {
      await payment.expectStatus("pending");
      await expect(page.getByTestId("pay-amount")).toHaveText("CNY 374.00");
      await expect(page.getByTestId("order-number")).toHaveText(orderId);
      await expect(page.getByTestId("countdown")).toHaveText(/^\d+:\d\d$/);
      qrUrl = await payment.decodeQr();
      const [intent, ...others] = await sandbox.intentsForOrder(orderId);
      expect(others).toHaveLength(0);
      expect(intent!.payment_method_options.alipay.terminal_type).toBe("WEB");
      expect(intent!.amount).toBe(37400);
      expect(qrUrl).toBe(intent!.next_action!.alipay_handle_redirect.url);
      await expect(page.getByTestId("open-alipay")).toHaveAttribute("href", qrUrl);
    });

    await test.step("a phone opens the scanned URL and pays", async () => {
      await payment.markDocument();
      await phone.page.goto(qrUrl);
      await phone.wallet.expectSheet("CNY 374.00");
      await expect(phone.page.getByTestId("wallet-order")).toHaveText(orderId);
      await phone.wallet.pay();
      await phone.wallet.expectOutcome("Payment successful");
    });

    await test.step("the desktop page shows paid by itself", async () => {
      await payment.expectStatus("paid");
      await expect(page.getByTestId("paid")).toContainText(orderId);
      await payment.expectSameDocument();
      await expect(page.getByTestId("alipay-qr")).toHaveCount(0);
    });
  });

  test("a payment declined on the phone shows a clear failure, and Pay again brings a fresh QR code", async ({ shop, payment, sandbox, phone, page }) => {
    await shop.addToCart("jasmine-pearls");
    await shop.payWithAlipay();
    const orderId = payment.orderId();
    const firstUrl = await payment.decodeQr();

    await phone.page.goto(firstUrl);
    await phone.wallet.decline();
    await phone.wallet.expectOutcome("Payment declined");

    await payment.expectStatus("failed");
    await expect(page.getByTestId("retry")).toContainText("declined");
    await page.getByTestId("pay-again").click();

    await payment.expectStatus("pending");
    await expect.poll(() => payment.decodeQr()).not.toBe(firstUrl);
    const intents = await sandbox.intentsForOrder(orderId);
    expect(intents.map((i) => i.status).sort()).toEqual(["canceled", "requires_action"]);
  });

  test("closing Alipay on the phone changes nothing: the code stays payable", async ({ shop, payment, phone }) => {
    await shop.addToCart("celadon-cup-set");
    await shop.payWithAlipay();
    const url = await payment.decodeQr();
    await phone.page.goto(url);
    await phone.wallet.close();
    await phone.wallet.expectOutcome("You closed the payment");
    await payment.expectStatus("pending");

    await phone.page.goto(url);
    await phone.wallet.pay();
    await payment.expectStatus("paid");
  });

  test("QA can force the phone hand-off on a desktop with ?terminal=APP", async ({ shop, page, sandbox }) => {
    await shop.addToCart("bamboo-tea-tray");
    await shop.payWithAlipay({ terminal: "APP" });
    await expect(page).toHaveURL(/\/sandbox\/alipay\/wallet\?code=/);
    const orderId = (await page.getByTestId("wallet-order").textContent())!;
    const [intent] = await sandbox.intentsForOrder(orderId);
    expect(intent!.payment_method_options.alipay.terminal_type).toBe("APP");
  });
});
