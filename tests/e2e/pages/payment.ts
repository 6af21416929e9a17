import { expect, type Locator, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";

/** The storefront's pay page (desktop QR) and return page: both show a live payment status. */
export class PaymentPage {
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId("payment-status");
  }

  orderId(): string {
    const url = new URL(this.page.url());
    const id = url.searchParams.get("order") ?? url.pathname.split("/").pop();
    if (!id?.startsWith("LP-")) throw new Error(`No order id in ${url}`);
    return id;
  }

  async expectStatus(status: "pending" | "paid" | "failed" | "expired" | "canceled", timeout = 15_000) {
    await expect(this.status).toHaveAttribute("data-status", status, { timeout });
  }

  /** Reads the QR code the way a phone would: from pixels on the screen. */
  async decodeQr(): Promise<string> {
    const image = PNG.sync.read(await this.page.getByTestId("alipay-qr").screenshot());
    const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    if (!code) throw new Error("The QR code on the page could not be decoded.");
    return code.data;
  }

  /** Marks the document so a test can tell that a change happened without a reload. */
  async markDocument() {
    await this.page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  }

  async expectSameDocument() {
    expect(await this.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  }
}

/** The sandbox's simulated Alipay app: the payment sheet with Pay, Decline and Close. */
export class AlipayWallet {
  constructor(readonly page: Page) {}

  async expectSheet(amountText: RegExp | string) {
    await expect(this.page.getByTestId("wallet")).toBeVisible();
    await expect(this.page.getByTestId("sandbox-notice")).toBeVisible();
    await expect(this.page.getByTestId("wallet-amount")).toHaveText(amountText);
  }

  pay = () => this.page.getByTestId("wallet-pay").click();
  decline = () => this.page.getByTestId("wallet-decline").click();
  close = () => this.page.getByTestId("wallet-close").click();

  async expectOutcome(text: string) {
    await expect(this.page.getByTestId("wallet-outcome")).toContainText(text);
  }
}
