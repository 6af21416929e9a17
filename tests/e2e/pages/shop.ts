import { expect, type Page } from "@playwright/test";

/** Catalog, product page, cart and checkout: everything before the payment. */
export class Shop {
  constructor(readonly page: Page) {}

  async addToCart(productId: string, quantity = 1) {
    await this.page.goto(`/products/${productId}`);
    const before = Number(await this.page.getByTestId("cart-count").textContent());
    await this.page.getByTestId("quantity").selectOption(String(quantity));
    await this.page.getByTestId("add-to-cart").click();
    // Whatever the language: the header's count moves once the cart cookie is written.
    await expect(this.page.getByTestId("cart-count")).toHaveText(String(before + quantity));
  }

  /** Opens the checkout (optionally forcing the Alipay flow) and presses Pay with Alipay. */
  async payWithAlipay(options: { terminal?: "WEB" | "APP" } = {}) {
    await this.page.goto(options.terminal ? `/checkout?terminal=${options.terminal}` : "/checkout");
    await this.page.getByTestId("pay-with-alipay").click();
    await this.page.waitForURL((url) => url.pathname !== "/checkout");
  }
}
