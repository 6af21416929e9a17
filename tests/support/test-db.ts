import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDb, migrateToLatest, type Db } from "@/lib/db";

export interface TestDb {
  db: Db;
  engine: "sqlite" | "postgres";
  /** Opens another, independent handle on the same database, as a second app instance would. */
  connectAgain: () => Db;
  drop: () => Promise<void>;
}

/**
 * A fresh, migrated database that belongs to one test: in-memory SQLite by default, or a new schema on
 * the Postgres server named by TEST_POSTGRES_URL (dropped again by `drop`).
 */
export async function openTestDb(options: { migrate?: boolean } = {}): Promise<TestDb> {
  const migrate = options.migrate ?? true;
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) {
    // A file rather than :memory:, so that a second handle sees the same database.
    const dir = mkdtempSync(join(tmpdir(), "shop-test-"));
    const file = join(dir, "test.sqlite");
    const db = createDb(file);
    if (migrate) await migrateToLatest(db);
    const others: Db[] = [];
    return {
      db,
      engine: "sqlite",
      connectAgain: () => {
        const other = createDb(file);
        others.push(other);
        return other;
      },
      drop: async () => {
        for (const other of others) await other.destroy();
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(server);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const db = createDb(url.toString());
  if (migrate) await migrateToLatest(db);
  const others: Db[] = [];
  return {
    db,
    engine: "postgres",
    connectAgain: () => {
      const other = createDb(url.toString());
      others.push(other);
      return other;
    },
    drop: async () => {
      for (const other of others) await other.destroy();
      await db.destroy();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
