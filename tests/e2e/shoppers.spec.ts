import { devices } from "@playwright/test";
import { AlipayWallet, PaymentPage } from "./pages/payment";
import { Shop } from "./pages/shop";
import { expect, test } from "./fixtures";

const { defaultBrowserType: _iphoneBrowser, ...iPhone } = devices["iPhone 13"];
const WECHAT_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN";
const ALIPAY_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Ariver/1.1.0 AliApp(AP/10.6.0.6000) Nebula WK RVKType(0) AlipayDefined(nt:WIFI,ws:390|844|3.0) AlipayClient/10.6.0.6000 Language/zh-Hans Region/CN";

test.describe("a shopper whose browser asks for Chinese", () => {
  test.use({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5" } });

  test("pays in CNY and sees Chinese throughout, on the Alipay pages too", async ({ page, payment, phone, sandbox }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("从杭州到宜兴的好茶与茶器");
    await expect(page.getByTestId("product-longjing-green-tea")).toContainText("西湖龙井绿茶");

    await page.goto("/products/longjing-green-tea");
    await page.getByTestId("add-to-cart").click();
    await expect(page.getByTestId("add-to-cart-status")).toContainText("已加入购物车");
    await page.goto("/cart");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的购物车");
    await expect(page.getByTestId("cart-total")).toHaveText("CNY 168.00");
    await page.getByTestId("checkout").click();
    await expect(page.getByTestId("pay-with-alipay")).toHaveText(/使用支付宝付款/);
    await page.getByTestId("pay-with-alipay").click();
    await page.waitForURL(/\/checkout\/pay\//);

    await expect(page.getByTestId("payment-status")).toHaveText("等待您在支付宝中付款…");
    await expect(page.getByText("剩余付款时间：")).toBeVisible();
    await expect(page.getByTestId("alipay-qr")).toHaveAttribute("aria-label", /支付宝付款二维码/);
    const [intent] = await sandbox.intentsForOrder(payment.orderId());
    expect(intent).toMatchObject({ currency: "CNY", amount: 16800 });

    await phone.context.setExtraHTTPHeaders({ "Accept-Language": "zh-CN" });
    await phone.page.goto(await payment.decodeQr());
    await expect(phone.page.getByTestId("sandbox-notice")).toContainText("沙盒");
    await expect(phone.page.getByTestId("wallet-pay")).toHaveText("付款 CNY 168.00");
    await phone.wallet.pay();
    await phone.wallet.expectOutcome("付款成功");

    await payment.expectStatus("paid");
    await expect(page.getByTestId("payment-status")).toHaveText("付款成功，谢谢！");
    await expect(page.getByTestId("paid")).toContainText("继续购物");
  });
});

test("the language can be switched and is remembered", async ({ page }) => {
  await page.goto("/products/jasmine-pearls");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jasmine Dragon Pearls");
  await page.getByTestId("language-switch").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("茉莉龙珠");
  await expect(page).toHaveURL(/\/products\/jasmine-pearls$/);
  await page.goto("/cart");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("购物车是空的");
  await page.getByTestId("language-switch").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your cart is empty");
});

test("a currency switch changes the prices, the cart and the charge", async ({ page, shop, payment, sandbox }) => {
  await shop.addToCart("celadon-cup-set", 2);
  await page.goto("/cart");
  await expect(page.getByTestId("cart-total")).toHaveText("CNY 536.00");
  await page.getByTestId("currency-select").selectOption("GBP");
  await expect(page.getByTestId("cart-total")).toHaveText("GBP 59.80");
  await page.goto("/");
  await expect(page.getByTestId("product-celadon-cup-set").getByTestId("product-price")).toHaveText("GBP 29.90");

  await shop.payWithAlipay();
  await expect(page.getByTestId("pay-amount")).toHaveText("GBP 59.80");
  const [intent] = await sandbox.intentsForOrder(payment.orderId());
  expect(intent).toMatchObject({ currency: "GBP", amount: 5980 });
});

test("the whole checkout works by keyboard", async ({ page }) => {
  await page.goto("/products/red-paper-lantern");
  await page.getByTestId("quantity").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("add-to-cart")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("add-to-cart-status")).toContainText("Added");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "View cart" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/cart$/);
  await page.getByTestId("checkout").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/checkout$/);
  for (let i = 0; i < 20 && !(await page.getByTestId("pay-with-alipay").evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(page.getByTestId("pay-with-alipay")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/checkout\/pay\//);
  await expect(page.getByTestId("alipay-qr")).toBeVisible();
});

test.describe("in-app browsers on a phone", () => {
  test.describe("WeChat", () => {
    test.use({ ...iPhone, userAgent: WECHAT_IPHONE });

    test("gets guidance to open the page in the browser, and the QR code, instead of a dead redirect", async ({ page, payment }) => {
      const shop = new Shop(page);
      await shop.addToCart("aged-puer-cake");
      await shop.payWithAlipay();
      await expect(page.getByTestId("wechat-guidance")).toContainText("Open in Browser");
      await expect(page.getByTestId("wechat-guidance").getByTestId("alipay-qr")).toBeVisible();
      await page.waitForTimeout(4000);
      await expect(page).toHaveURL(/\/checkout\/pay\//);
      expect(await payment.decodeQr()).toMatch(/\/sandbox\/alipay\/render\?scheme=/);
    });
  });

  test.describe("Alipay's own browser", () => {
    test.use({ ...iPhone, userAgent: ALIPAY_IPHONE });

    test("is handed straight to the payment", async ({ page }) => {
      const shop = new Shop(page);
      await shop.addToCart("jasmine-pearls");
      await shop.payWithAlipay();
      await expect(page).toHaveURL(/\/sandbox\/alipay\/wallet\?code=/);
      await new AlipayWallet(page).expectSheet("CNY 88.00");
    });
  });

  test.describe("a phone browser where the Alipay app does not open", () => {
    test.use({ ...iPhone });

    test("offers to open Alipay again, and the QR code, a few seconds later", async ({ page, sandbox }) => {
      // The app is not installed: following the hand-off link leaves the page where it is.
      await page.route("**/sandbox/alipay/render**", (route) => route.fulfill({ status: 204 }));
      const shop = new Shop(page);
      await shop.addToCart("bamboo-tea-tray");
      await shop.payWithAlipay();
      await expect(page.getByTestId("handoff")).toBeVisible();
      await expect(page.getByTestId("handoff-fallback")).toBeVisible({ timeout: 8000 });
      const payment = new PaymentPage(page);
      const [intent] = await sandbox.intentsForOrder(payment.orderId());
      await expect(page.getByTestId("open-alipay-again")).toHaveAttribute("href", intent!.next_action!.alipay_handle_redirect.url);
      expect(await payment.decodeQr()).toBe(intent!.next_action!.alipay_handle_redirect.url);
    });
  });
});
