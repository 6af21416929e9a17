import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, migrateToLatest, type Db } from "@/lib/db";

export interface TestDb {
  db: Db;
  engine: "sqlite" | "postgres";
  drop: () => Promise<void>;
}

/**
 * A fresh, migrated database that belongs to one test: in-memory SQLite by default, or a new schema on
 * the Postgres server named by TEST_POSTGRES_URL (dropped again by `drop`).
 */
export async function openTestDb(): Promise<TestDb> {
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) {
    const db = createDb(":memory:");
    await migrateToLatest(db);
    return { db, engine: "sqlite", drop: () => db.destroy() };
  }
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(server);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const db = createDb(url.toString());
  await migrateToLatest(db);
  return {
    db,
    engine: "postgres",
    drop: async () => {
      await db.destroy();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
