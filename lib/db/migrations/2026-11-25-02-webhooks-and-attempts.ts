import type { Kysely } from "kysely";

// Frozen in time: no application imports, and only column types that SQLite and Postgres share.
export async function up(db: Kysely<any>): Promise<void> {
  // The storefront's side: every intent an order made, events received, and what fulfilment did.
  await db.schema
    .createTable("payment_attempts")
    .addColumn("payment_intent_id", "text", (c) => c.primaryKey())
    .addColumn("order_id", "text", (c) => c.notNull().references("orders.id").onDelete("cascade"))
    .addColumn("attempt", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    /** Set when this attempt took money after another attempt had already paid the order. */
    .addColumn("duplicate_charge", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("payment_attempts_order_attempt", ["order_id", "attempt"])
    .execute();

  await db.schema.alterTable("orders").addColumn("paid_payment_intent_id", "text").execute();

  await db.schema
    .createTable("fulfilments")
    .addColumn("order_id", "text", (c) => c.primaryKey().references("orders.id").onDelete("cascade"))
    .addColumn("payment_intent_id", "text", (c) => c.notNull())
    .addColumn("confirmation", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("webhook_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("created", "bigint", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("received_at", "bigint", (c) => c.notNull())
    .addColumn("processed_at", "bigint")
    .addColumn("error", "text")
    .execute();

  // The sandbox's side: endpoints, events and the delivery log.
  await db.schema
    .createTable("sandbox_webhook_endpoints")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("api_key", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created", "bigint", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sandbox_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("api_key", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("created", "bigint", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sandbox_events_key_created").on("sandbox_events").columns(["api_key", "created"]).execute();

  await db.schema
    .createTable("sandbox_webhook_deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("endpoint_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "bigint")
    .addColumn("locked_until", "bigint")
    .addColumn("created", "bigint", (c) => c.notNull())
    .addUniqueConstraint("sandbox_webhook_deliveries_event_endpoint", ["event_id", "endpoint_id"])
    .execute();
  await db.schema.createIndex("sandbox_webhook_deliveries_due").on("sandbox_webhook_deliveries").columns(["status", "next_attempt_at"]).execute();

  await db.schema
    .createTable("sandbox_webhook_attempts")
    .addColumn("delivery_id", "text", (c) => c.notNull())
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("attempted_at", "bigint", (c) => c.notNull())
    .addColumn("status_code", "integer")
    .addColumn("duration_ms", "integer", (c) => c.notNull())
    .addColumn("error", "text")
    .addPrimaryKeyConstraint("sandbox_webhook_attempts_pk", ["delivery_id", "number"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["sandbox_webhook_attempts", "sandbox_webhook_deliveries", "sandbox_events", "sandbox_webhook_endpoints", "webhook_events", "fulfilments", "payment_attempts"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("orders").dropColumn("paid_payment_intent_id").execute();
}
