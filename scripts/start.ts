// `npm start`: everything a fresh clone needs to serve the app.
//   1. data/ and the database (SQLite by default; DATABASE_URL=postgresql://… for PostgreSQL)
//   2. migrations (lib/db/migrate.ts), built-in schemes, and
//   3. demo data when the database is empty and DEMO is not 0 — 2 and 3 under one lock, so instances may start together
//   4. a production build when there is none or the sources are newer than it
//   5. `next start` on PORT (default 3000); prints the URL and the demo accounts
// `npm run dev` does 1–3 and runs `next dev` instead.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/lib/db/connect";
import { prepareDatabase } from "@/lib/db/migrate";
import { devSecretVerdict, env, providerOf, sqliteFilePath } from "@/lib/server/env";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/lib/seed/demo";
import { ROLES } from "@/lib/auth/roles";
import { ensureBuiltinSchemes } from "@/lib/schemes/server/service";
import { getStorage } from "@/lib/storage";
import { waitForHealth } from "./wait-for-health";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    if (entry === "node_modules" || entry === "generated" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function buildIsStale(): boolean {
  const stamp = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  const sources = ["app", "components", "lib", "next.config.js", "postcss.config.mjs", "package-lock.json"];
  return sources.some((s) => newestMtime(path.join(root, s)) > built);
}

async function main() {
  process.chdir(root);
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const e = env();
  // Before anything is created or built: a deployment must not run on the public development secret.
  const secret = devSecretVerdict({ dev });
  if (secret && "refuse" in secret) {
    console.error(`启动失败：${secret.refuse}`);
    process.exit(1);
  }
  if (secret) console.warn(`\n${"!".repeat(60)}\n${secret.warn}\n${"!".repeat(60)}\n`);
  // A STORAGE_URL it cannot read stops the start here, with what to fix; a store that does not answer is a warning
  // (text saves work without it; /api/health reports it until it answers).
  const storage = getStorage();
  const storageProblem = await storage.check();
  if (storageProblem) console.warn(`警告：${storageProblem}。上传和下载佐证材料将失败。`);
  else console.log(`佐证材料存储：${storage.label}`);
  let url = e.DATABASE_URL;
  if (providerOf(url) === "sqlite") {
    // An absolute path, so the server and every script open the same file whatever their working directory.
    url = `file:${sqliteFilePath(url)}`;
    mkdirSync(path.dirname(sqliteFilePath(url)), { recursive: true });
    process.env.DATABASE_URL = url;
  }
  const provider = providerOf(url);
  const demo = e.DEMO !== "0";
  // The evidence directory must exist before /api/health is asked (a missing one is reported as a problem).
  mkdirSync(path.resolve(root, process.env.FILES_DIR ?? "data/files"), { recursive: true });
  // Migrations, built-in schemes and demo data under one lock: instances starting together take turns.
  const state = await prepareDatabase(url, root, async () => {
    const db = createDb(url);
    try {
      const added = await ensureBuiltinSchemes(db);
      if (added) console.log(`已载入 ${added} 个内置评价方案。`);
      if (demo && (await seedDemo(db))) console.log("已写入演示数据（山西省 → 运城市、临汾市 → 4 个县区，每个角色一个账号）。");
    } finally {
      await db.$disconnect();
    }
  });
  console.log(`数据库（${provider === "sqlite" ? "SQLite" : "PostgreSQL"}）已就绪：已应用 ${state.applied.length} 个迁移。`);

  // REUSE_BUILD=1 serves an existing build even if sources changed since (a test run against a build made earlier).
  const reuse = process.env.REUSE_BUILD === "1" && existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"));
  if (!dev && !reuse && buildIsStale()) {
    console.log("正在构建生产版本（首次启动约需 1 分钟）…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const port = String(e.PORT);
  // SERVER_NODE_ARGS: extra flags for the server's Node process, e.g. "--cpu-prof --cpu-prof-dir=bench/profile"
  // (`npm run bench -- --profile DIR`); Node refuses --cpu-prof in NODE_OPTIONS.
  const nodeArgs = process.env.SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, nextBin, dev ? "dev" : "start", "-p", port], {
    stdio: ["ignore", "inherit", "inherit"],
    // EDU_SECRET_WARNED: the server need not repeat the development-secret warning printed above.
    env: { ...process.env, APP_URL: e.APP_URL, ...(secret ? { EDU_SECRET_WARNED: "1" } : {}) },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));

  await waitForHealth(`http://127.0.0.1:${port}/api/health`, 150);
  console.log(`\n县级政府履行教育职责自评报告系统已启动：${e.APP_URL}`);
  if (demo) {
    console.log(`\n演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const u of DEMO_USERS) console.log(`  ${ROLES[u.role].label.padEnd(6, "　")}  ${u.username}`);
  }
  console.log("\n按 Ctrl+C 停止。");
}

main().catch((error) => {
  console.error("启动失败：", error instanceof Error ? error.message : error);
  process.exit(1);
});
