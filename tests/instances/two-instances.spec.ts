import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { devices, expect, test } from "@playwright/test";
import pg from "pg";
import { PaymentPage } from "../e2e/pages/payment";

const server = process.env.TEST_POSTGRES_URL ?? "";
const SANDBOX_KEY = "sk_test_sandbox_4eC39HqLyjWDarjtT1zdp7dc";
const auth = { Authorization: `Basic ${Buffer.from(`${SANDBOX_KEY}:`).toString("base64")}` };
const A = "http://localhost:3201";
const B = "http://localhost:3202";

let database = "";
let databaseUrl = "";
const instances: ChildProcess[] = [];

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Instances of one deployment share its public address (APP_URL), as they would behind a load
 * balancer; A's stands in for it. The test still talks to each instance on its own port.
 */
function start(port: number): ChildProcess {
  const child = spawn("npx", ["next", "start", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, APP_URL: A, NEXT_TELEMETRY_DISABLED: "1", ALIPAY_TIMEOUT_SECONDS: "300" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  instances.push(child);
  return child;
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

async function waitUntilUp(url: string, expectedStatus: number) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then((r) => r.status === expectedStatus, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up`);
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  expect(server, "TEST_POSTGRES_URL names the Postgres server to use").toMatch(/^postgres/);
  database = `lotus_instances_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${database}`;
  databaseUrl = url.toString();

  // Always this checkout's code: a build left over from earlier code would test the wrong thing.
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  expect(build.status).toBe(0);
  // Both at once on an empty database: they race to migrate it.
  start(3201);
  start(3202);
  // A route that touches the database, so each instance has migrated (or waited for the other) by then.
  await Promise.all([waitUntilUp(`${A}/api/orders/LP-NONE/status`, 404), waitUntilUp(`${B}/api/orders/LP-NONE/status`, 404)]);
});

test.afterAll(async () => {
  // Stop both instances (npx and the next-server under it share a process group), then make sure of
  // it, so that nothing still uses the database dropped below.
  for (const child of instances) if (child.pid) signalGroup(child.pid, "SIGTERM");
  for (const url of [A, B]) {
    for (let i = 0; i < 50 && (await fetch(url).then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 200));
  }
  for (const child of instances) if (child.pid) signalGroup(child.pid, "SIGKILL");
  if (!database) return;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

test("checkout on A, webhook delivered to B, status followed on A: all consistent", async ({ browser, request }) => {
  const migrations = await query<{ name: string }>("select name from kysely_migration order by name");
  expect(migrations.map((m) => m.name)).toEqual(["2026-11-25-01-orders-and-sandbox", "2026-11-25-02-webhooks-and-attempts", "2026-11-25-03-attempt-payer", "2026-11-25-04-sandbox-seeds"]);

  // The sandbox (shared through the database) sends its webhooks to B only.
  const endpoints = (await (await request.get(`${A}/sandbox/v1/webhook_endpoints`, { headers: auth })).json()) as { data: { id: string }[] };
  expect(endpoints.data).toHaveLength(1);
  const updated = await request.post(`${A}/sandbox/v1/webhook_endpoints/${endpoints.data[0]!.id}`, {
    headers: { ...auth, "Content-Type": "application/json" },
    data: { url: `${B}/api/webhooks/wooshpay` },
  });
  expect(updated.status()).toBe(200);

  const desktop = await browser.newContext({ baseURL: A });
  const page = await desktop.newPage();
  await page.goto("/products/celadon-cup-set");
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByTestId("add-to-cart-status")).toContainText("Added");
  await page.goto("/checkout");
  await page.getByTestId("pay-with-alipay").click();
  await page.waitForURL(/\/checkout\/pay\//);
  const payment = new PaymentPage(page);
  const orderId = payment.orderId();
  const qr = await payment.decodeQr();

  const phone = await browser.newContext({ ...devices["Pixel 7"] });
  const wallet = await phone.newPage();
  await wallet.goto(qr);
  const paidAt = Date.now();
  await wallet.getByTestId("wallet-pay").click();
  await expect(wallet.getByTestId("wallet-outcome")).toContainText("Payment successful");

  await payment.expectStatus("paid");
  const seenPaidOnA = Date.now() - paidAt;

  const [order] = await query<{ status: string; payment_intent_id: string }>("select status, payment_intent_id from orders where id = $1", [orderId]);
  expect(order!.status).toBe("paid");
  await expect
    .poll(async () =>
      query<{ status_code: number | null; url: string }>(
        `select a.status_code, w.url from sandbox_webhook_attempts a
           join sandbox_webhook_deliveries d on d.id = a.delivery_id
           join sandbox_events e on e.id = d.event_id
           join sandbox_webhook_endpoints w on w.id = d.endpoint_id
          where e.type = 'payment_intent.succeeded' and e.body like $1`,
        [`%${order!.payment_intent_id}%`],
      ),
    )
    .toEqual([{ status_code: 200, url: `${B}/api/webhooks/wooshpay` }]);
  const received = await query<{ received_at: string; processed_at: string | null }>(
    "select received_at, processed_at from webhook_events where type = 'payment_intent.succeeded' and payload like $1",
    [`%${order!.payment_intent_id}%`],
  );
  expect(received).toHaveLength(1);
  expect(received[0]!.processed_at).not.toBeNull();
  expect(await query("select order_id from fulfilments where order_id = $1", [orderId])).toHaveLength(1);

  for (const instance of [A, B]) {
    const status = (await (await request.get(`${instance}/api/orders/${orderId}/status`)).json()) as { status: string };
    expect(status.status, instance).toBe("paid");
  }
  console.log(`[two instances] wallet Pay → webhook received on B after ${Number(received[0]!.received_at) - paidAt} ms; A's pay page showed paid after ${seenPaidOnA} ms`);
  await desktop.close();
  await phone.close();
});

test("the same payment submitted to A and B at once creates one intent", async ({ browser, request }) => {
  // Cookies do not depend on the port: one cart, seen by both instances.
  const context = await browser.newContext();
  const onA = await context.newPage();
  await onA.goto(`${A}/products/bamboo-tea-tray`);
  await onA.getByTestId("add-to-cart").click();
  await expect(onA.getByTestId("add-to-cart-status")).toContainText("Added");
  await onA.goto(`${A}/checkout`);
  const onB = await context.newPage();
  await onB.goto(`${B}/checkout`);
  // One checkout form, submitted to both instances: the same token.
  const token = await onA.locator('input[name="checkoutToken"]').inputValue();
  await onB.locator('input[name="checkoutToken"]').evaluate((input, value) => ((input as HTMLInputElement).value = value), token);

  const started = Date.now();
  await Promise.all([onA.getByTestId("pay-with-alipay").click(), onB.getByTestId("pay-with-alipay").click()]);
  await Promise.all([onA.waitForURL(/\/checkout\/pay\//), onB.waitForURL(/\/checkout\/pay\//)]);
  const elapsed = Date.now() - started;

  const idA = new PaymentPage(onA).orderId();
  const idB = new PaymentPage(onB).orderId();
  expect(idA).toBe(idB);
  const orders = await query<{ id: string }>("select id from orders where checkout_token = $1", [token]);
  expect(orders).toHaveLength(1);
  const list = (await (await request.get(`${A}/sandbox/v1/payment_intents?limit=100`, { headers: auth })).json()) as {
    data: { id: string; metadata: Record<string, string> }[];
  };
  const intents = list.data.filter((i) => i.metadata.order_id === idA);
  expect(intents).toHaveLength(1);
  expect(await new PaymentPage(onA).decodeQr()).toBe(await new PaymentPage(onB).decodeQr());
  console.log(`[two instances] one checkout on A and B at once → 1 order, ${intents.length} intent, both pay pages after ${elapsed} ms`);
  await context.close();
});
