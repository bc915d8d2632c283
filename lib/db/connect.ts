// Opens a Prisma client for a DATABASE_URL: PostgreSQL (adapter-pg) for postgres:// URLs, else SQLite
// (better-sqlite3). Both generated clients come from the same models, so one type serves both; the SQLite
// client's type is used as the common one. Server code imports lib/db/client.ts; scripts and tests this file.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PgClient } from "./generated/postgresql/client";
import { env, providerOf, sqliteFilePath, type DbProvider } from "@/lib/env";

export type Db = SqliteClient & { readonly provider: DbProvider };

/** Applied on every SQLite connection: WAL for concurrent readers, enforced foreign keys, wait (not fail) on locks. */
const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA foreign_keys = ON",
  "PRAGMA busy_timeout = 10000",
  "PRAGMA synchronous = NORMAL",
];

class SqliteAdapterFactory extends PrismaBetterSQLite3 {
  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    for (const pragma of SQLITE_PRAGMAS) await adapter.executeScript(pragma);
    return adapter;
  }
}

export function createDb(url: string): Db {
  const provider = providerOf(url);
  const client =
    provider === "postgresql"
      ? (new PgClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as SqliteClient)
      : new SqliteClient({ adapter: new SqliteAdapterFactory({ url: sqliteFilePath(url), timeout: 10_000 }) });
  return Object.assign(client, { provider }) as Db;
}

const globalForDb = globalThis as unknown as { __db?: Db };

/** The process-wide client for DATABASE_URL (kept across hot reloads in development). */
export function getDb(): Db {
  globalForDb.__db ??= createDb(env().DATABASE_URL);
  return globalForDb.__db;
}
