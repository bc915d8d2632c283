// `npm run db:migrate`: applies pending migrations to DATABASE_URL (default file:./data/app.db) and prints the
// state. `npm start` does this by itself; operators use it before starting several instances.
import { migrate } from "@/lib/db/migrate";
import { env, providerOf } from "@/lib/server/env";

async function main() {
  const url = env().DATABASE_URL;
  const state = await migrate(url);
  console.log(`${providerOf(url) === "sqlite" ? "SQLite" : "PostgreSQL"}：已应用 ${state.applied.length} 个迁移，待应用 ${state.pending.length} 个。`);
  if (state.failed.length) {
    console.error(`失败的迁移：${state.failed.join("、")}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error("迁移失败：", error instanceof Error ? error.message : error);
  process.exit(1);
});
