/**
 * Brings every pending order to WooshPay's truth, for when webhooks were lost (say, the app was down
 * for longer than WooshPay retries). Safe to run at any time, as often as you like.
 *
 *   npm run orders:sync
 */
import { parseConfig } from "../lib/config";
import { syncPendingOrders } from "../lib/checkout/payment";
import { createDb, migrateToLatest } from "../lib/db";
import { WooshPay } from "../lib/wooshpay";

async function main() {
  const config = parseConfig(process.env);
  const db = createDb(config.databaseUrl);
  await migrateToLatest(db);
  const gateway = new WooshPay(config.secretKey, { apiBase: config.apiBase, timeoutMs: config.requestTimeoutMs, maxRetries: config.maxRetries });
  const changed = await syncPendingOrders({ db, gateway });
  console.log(`${changed} order(s) changed.`);
  await db.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
