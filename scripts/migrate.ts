/**
 * Brings the database named by DATABASE_URL up to date. The app also does this on first use; run it
 * in a deploy step to migrate before traffic arrives. Safe to run from several places at once.
 *
 *   npm run db:migrate
 */
import { parseConfig } from "../lib/config";
import { createDb, migrateToLatest } from "../lib/db";

async function main() {
  const { databaseUrl } = parseConfig(process.env);
  const db = createDb(databaseUrl);
  await migrateToLatest(db);
  await db.destroy();
  console.log(`Database is up to date (${databaseUrl.replace(/\/\/[^@/]*@/, "//…@")}).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
