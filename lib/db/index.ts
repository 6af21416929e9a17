import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type Transaction } from "kysely";
import pg from "pg";
import { migrations } from "./migrations";
import type { Database } from "./schema";

export type Db = Kysely<Database>;
export type { Database } from "./schema";

/**
 * One Kysely instance over SQLite (a file, the default) or Postgres (`postgres://…`).
 * `file:data/shop.sqlite` is relative to the working directory; `:memory:` works for tests.
 */
export function createDb(databaseUrl: string): Db {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    // int8 columns come back as strings by default; our amounts and times fit in a double.
    pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    // An idle connection dropped by the server (a restart, a failover) must not take the process down;
    // the pool replaces it on the next query.
    pool.on("error", (error) => console.error(`[db] idle Postgres connection lost: ${error.message}`));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const filename = databaseUrl.replace(/^file:/, "");
  if (filename !== ":memory:") mkdirSync(dirname(resolve(filename)), { recursive: true });
  const sqlite = new SQLite(filename);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** Runs `work` in the caller's transaction when there is one, else in a new one. */
export function inTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}

/** Any number the app owns; every instance asks Postgres for the same lock before migrating. */
const MIGRATION_LOCK_KEY = 4_206_661_990;

/**
 * Brings the schema up to date. Safe when several instances start at once: on Postgres each first takes
 * a session advisory lock (Kysely's own lock table can itself be created twice in a race), so one
 * migrates while the others wait and then find nothing to do.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return runMigrations(db);
  await db.connection().execute(async (lockHolder) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(lockHolder);
    try {
      // Kysely looks for its bookkeeping tables in every schema unless told which one; name ours.
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(lockHolder);
      await runMigrations(db, rows[0]?.schema);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(lockHolder);
    }
  });
}

async function runMigrations(db: Kysely<any>, migrationTableSchema?: string): Promise<void> {
  const migrator = new Migrator({ db, migrationTableSchema, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
}
