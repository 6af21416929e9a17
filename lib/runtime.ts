import "server-only";
import { SANDBOX_WEBHOOK_SECRET, config } from "@/lib/config";
import { createDb, migrateToLatest, type Db } from "@/lib/db";
import type { SandboxContext } from "@/lib/sandbox/context";
import { ensureDefaultEndpoint } from "@/lib/sandbox/webhooks";
import { WooshPay } from "@/lib/wooshpay";

/** Process-wide handles, kept on globalThis so that development reloads do not open a second database. */
const state = globalThis as typeof globalThis & { __shopDb?: Promise<Db>; __shopGateway?: WooshPay; __sandboxSeeded?: Promise<void> };

/** The app's database, migrated before first use. */
export function getDb(): Promise<Db> {
  state.__shopDb ??= (async () => {
    const db = createDb(config().databaseUrl);
    await migrateToLatest(db);
    return db;
  })();
  return state.__shopDb;
}

/** The one client for the gateway: the embedded sandbox by default, WooshPay itself with real keys. */
export function getGateway(): WooshPay {
  const c = config();
  state.__shopGateway ??= new WooshPay(c.secretKey, { apiBase: c.apiBase, timeoutMs: c.requestTimeoutMs, maxRetries: c.maxRetries });
  return state.__shopGateway;
}

/** The embedded sandbox, seeded on first use with a webhook endpoint pointing at this app. */
export async function getSandbox(): Promise<SandboxContext> {
  const c = config();
  const ctx: SandboxContext = {
    db: await getDb(),
    publicBaseUrl: `${c.appUrl}/sandbox`,
    apiKeys: [c.secretKey],
    timeoutSeconds: c.alipayTimeoutSeconds,
    now: Date.now,
    merchantName: "Lotus & Pine",
    webhookRetryScale: c.webhookRetryScale,
  };
  state.__sandboxSeeded ??= ensureDefaultEndpoint(ctx, c.secretKey, `${c.appUrl}/api/webhooks/wooshpay`, c.webhookSecret || SANDBOX_WEBHOOK_SECRET);
  await state.__sandboxSeeded;
  return ctx;
}
