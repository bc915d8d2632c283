// Prisma CLI config for PostgreSQL; paths are relative to this file. `generate` and `migrate diff` work offline
// with it; applying migrations is done by lib/db/migrate.ts because `migrate deploy` through adapter-pg fails (prisma/orm#27403).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// `migrate diff` connects to a server: DATABASE_URL if it is a postgres URL, else TEST_POSTGRES_URL.
const candidates = [process.env.DATABASE_URL, process.env.TEST_POSTGRES_URL, "postgresql://localhost:5432/postgres"];
const url = candidates.find((u): u is string => !!u && /^postgres/i.test(u))!;
process.env.DATABASE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  adapter: async () => new PrismaPg({ connectionString: url }),
});
