import type { Kysely } from "kysely";

// Frozen in time. The shopper's device details are fixed when an attempt begins, so a retry of that
// attempt sends WooshPay exactly the same request (and so replays, under the same Idempotency-Key).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("orders").addColumn("os_type", "text").execute();
  await db.schema.alterTable("orders").addColumn("client_ip", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("orders").dropColumn("client_ip").execute();
  await db.schema.alterTable("orders").dropColumn("os_type").execute();
}
