import type { Kysely } from "kysely";

// Frozen in time. One row per thing the sandbox sets up once per database (its default webhook
// endpoint), so that instances starting together cannot each set it up.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sandbox_seeds")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("created", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("sandbox_seeds").execute();
}
