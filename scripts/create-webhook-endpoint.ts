/**
 * Creates a webhook endpoint on your WooshPay account for this app's webhook route, and prints the
 * signing secret to put in WOOSHPAY_WEBHOOK_SECRET (WooshPay shows it only once).
 *
 *   WOOSHPAY_SECRET_KEY=sk_test_… npm run webhook:create -- https://your-host/api/webhooks/wooshpay
 */
import { parseConfig } from "../lib/config";
import { WooshPay, WooshPayError } from "../lib/wooshpay";

async function main() {
  const url = process.argv[2];
  if (!url || !/^https?:\/\//.test(url)) {
    console.error("Usage: npm run webhook:create -- https://your-host/api/webhooks/wooshpay");
    process.exit(2);
  }
  const config = parseConfig(process.env);
  if (config.sandboxEnabled) {
    console.error("WOOSHPAY_SECRET_KEY is the sandbox's key. The sandbox already has an endpoint for this app; set your real sk_test_… key to use this script.");
    process.exit(2);
  }
  const wooshpay = new WooshPay(config.secretKey, { apiBase: config.apiBase, timeoutMs: config.requestTimeoutMs });
  const endpoint = await wooshpay.webhookEndpoints.create({ url, enabled_events: ["*"], description: "Lotus & Pine checkout" });
  console.log(`Created ${endpoint.id} for ${endpoint.url} (${endpoint.status}).`);
  console.log("Set this in the app's environment; it is not shown again:");
  console.log(`WOOSHPAY_WEBHOOK_SECRET=${endpoint.secret}`);
}

main().catch((error: unknown) => {
  if (error instanceof WooshPayError) console.error(`WooshPay refused (${error.statusCode ?? "no answer"} ${error.code ?? error.type}): ${error.message}`);
  else console.error(error);
  process.exit(1);
});
