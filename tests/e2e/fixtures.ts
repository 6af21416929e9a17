import { test as base, devices, expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { AlipayWallet, PaymentPage } from "./pages/payment";
import { Shop } from "./pages/shop";

const SANDBOX_KEY = process.env.WOOSHPAY_SECRET_KEY ?? "sk_test_sandbox_4eC39HqLyjWDarjtT1zdp7dc";

export interface SandboxIntent {
  id: string;
  status: string;
  amount: number;
  currency: string;
  metadata: Record<string, string>;
  payment_method_options: { alipay: { terminal_type: string; os_type?: string } };
  next_action: { alipay_handle_redirect: { url: string } } | null;
}

/** Reads the sandbox's API as a merchant would, to check what the storefront actually sent. */
export class SandboxApi {
  constructor(private readonly request: APIRequestContext) {}

  async intentsForOrder(orderId: string): Promise<SandboxIntent[]> {
    const response = await this.request.get("/sandbox/v1/payment_intents?limit=100", {
      headers: { Authorization: `Basic ${Buffer.from(`${SANDBOX_KEY}:`).toString("base64")}` },
    });
    expect(response.status()).toBe(200);
    const list = (await response.json()) as { data: SandboxIntent[] };
    return list.data.filter((intent) => intent.metadata.order_id === orderId);
  }

  async eventIdsFor(intentId: string, type: string): Promise<string[]> {
    const response = await this.request.get(`/sandbox/v1/events?limit=100&type=${encodeURIComponent(type)}`, {
      headers: { Authorization: `Basic ${Buffer.from(`${SANDBOX_KEY}:`).toString("base64")}` },
    });
    expect(response.status()).toBe(200);
    const list = (await response.json()) as { data: { id: string; data: { object: { id: string } } }[] };
    return list.data.filter((event) => event.data.object.id === intentId).map((event) => event.id);
  }
}

interface Fixtures {
  shop: Shop;
  payment: PaymentPage;
  sandbox: SandboxApi;
  /** A second browser, emulating a phone, for scanning the desktop's QR code. */
  phone: { context: BrowserContext; page: Page; wallet: AlipayWallet };
}

export const test = base.extend<Fixtures>({
  shop: async ({ page }, use) => use(new Shop(page)),
  payment: async ({ page }, use) => use(new PaymentPage(page)),
  sandbox: async ({ request }, use) => use(new SandboxApi(request)),
  phone: async ({ browser, baseURL }, use) => {
    const context = await browser.newContext({ ...devices["Pixel 7"], baseURL });
    const page = await context.newPage();
    await use({ context, page, wallet: new AlipayWallet(page) });
    await context.close();
  },
});

export { expect };
