// The Postgres half of the test suite: the integration tests again on PostgreSQL, then two app
// instances on one database. Runs when TEST_POSTGRES_URL names a server (CI always sets it).
import { spawnSync } from "node:child_process";

const url = process.env.TEST_POSTGRES_URL;
if (!url) {
  console.log("Postgres tests not run: set TEST_POSTGRES_URL=postgres://user@host:5432/db to include them.");
  process.exit(0);
}

for (const [command, args] of [
  ["npx", ["vitest", "run", "tests/integration"]],
  ["npx", ["playwright", "test", "-c", "playwright.instances.config.ts"]],
]) {
  console.log(`\n> ${command} ${args.join(" ")}   (TEST_POSTGRES_URL set)`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
