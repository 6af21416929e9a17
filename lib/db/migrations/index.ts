import type { Migration } from "kysely";
import * as m20261125_01 from "./2026-11-25-01-orders-and-sandbox";
import * as m20261125_02 from "./2026-11-25-02-webhooks-and-attempts";
import * as m20261125_03 from "./2026-11-25-03-attempt-payer";
import * as m20261125_04 from "./2026-11-25-04-sandbox-seeds";

/** Listed by hand rather than read from disk, so the bundler sees them; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  "2026-11-25-01-orders-and-sandbox": m20261125_01,
  "2026-11-25-02-webhooks-and-attempts": m20261125_02,
  "2026-11-25-03-attempt-payer": m20261125_03,
  "2026-11-25-04-sandbox-seeds": m20261125_04,
};
