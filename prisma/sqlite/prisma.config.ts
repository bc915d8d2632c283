// Prisma CLI config for SQLite (the embedded default); paths are relative to this file. JS schema engine +
// driver adapter: no native engine download is needed (docs/decisions/001-prisma-offline-two-providers.md).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The CLI does not read .env with a config file; without a URL `generate` would try to download an engine.
// A postgres:// URL (set for the other provider) must not reach this schema either.
const given = process.env.DATABASE_URL;
const url = given && !/^postgres/i.test(given) ? given : "file:./data/app.db";
process.env.DATABASE_URL = url;

mkdirSync(path.dirname(path.resolve(url.replace(/^file:/, ""))), { recursive: true });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
