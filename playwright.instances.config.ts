import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * Two production instances (`next start` on two ports) on one PostgreSQL database. The spec starts
 * them itself, so this config has no webServer; it needs TEST_POSTGRES_URL (see scripts/test-postgres.mjs).
 */
export default defineConfig({
  ...base,
  testDir: "tests/instances",
  webServer: undefined,
  workers: 1,
  retries: 0,
  use: { ...base.use, baseURL: undefined },
});
