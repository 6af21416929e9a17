import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * By default the suite builds and starts the app itself on port 3100 with a fresh database and a short
 * Alipay timeout (so expiry can be tested). Set E2E_BASE_URL to drive an app that is already running.
 */
const external = process.env.E2E_BASE_URL;
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = external ?? `http://localhost:${port}`;
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export const E2E_ALIPAY_TIMEOUT_SECONDS = 45;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], browserName: "chromium" } }],
  webServer: external
    ? undefined
    : {
        command: `rm -f data/e2e.sqlite* && npm run build && npx next start -p ${port}`,
        url: `${baseURL}/`,
        timeout: 240_000,
        reuseExistingServer: false,
        stdout: "pipe",
        env: {
          NEXT_TELEMETRY_DISABLED: "1",
          APP_URL: baseURL,
          DATABASE_URL: "file:data/e2e.sqlite",
          ALIPAY_TIMEOUT_SECONDS: String(E2E_ALIPAY_TIMEOUT_SECONDS),
        },
      },
});
