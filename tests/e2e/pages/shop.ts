import { expect, type Page } from "@playwright/test";

/** Catalog, product page, cart and checkout: everything before the payment. */
export class Shop {
  constructor(readonly page: Page) {}

  async addToCart(productId: string, quantity = 1) {
    await this.page.goto(`/products/${productId}`);
    await this.page.getByTestId("quantity").selectOption(String(quantity));
    await this.page.getByTestId("add-to-cart").click();
    await expect(this.page.getByTestId("add-to-cart-status")).toContainText("Added to your cart");
  }

  /** Opens the checkout (optionally forcing the Alipay flow) and presses Pay with Alipay. */
  async payWithAlipay(options: { terminal?: "WEB" | "APP" } = {}) {
    await this.page.goto(options.terminal ? `/checkout?terminal=${options.terminal}` : "/checkout");
    await this.page.getByTestId("pay-with-alipay").click();
    await this.page.waitForURL((url) => url.pathname !== "/checkout");
  }
}
