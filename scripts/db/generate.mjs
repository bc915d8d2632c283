// Writes one Prisma schema per provider from prisma/schema/models.prisma and generates both clients.
// Runs as `postinstall`, so a fresh `npm install` leaves the clients ready (npm does not run Prisma's own
// install scripts, and its engines cannot be downloaded here).
//   node scripts/db/generate.mjs            write schemas + prisma generate (both providers)
//   node scripts/db/generate.mjs --check    exit 1 if a written schema is out of date (used by tests)
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PROVIDERS, schemaFor } from "./schemas.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const models = readFileSync(path.join(root, "prisma/schema/models.prisma"), "utf8");
const check = process.argv.includes("--check");
let stale = [];
for (const provider of PROVIDERS) {
  const file = path.join(root, "prisma", provider, "schema.prisma");
  const wanted = schemaFor(provider, models);
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (current !== wanted) {
    if (check) stale.push(file);
    else writeFileSync(file, wanted);
  }
}
if (check) {
  if (stale.length) {
    console.error(`过期的 Prisma schema（请运行 npm run db:schemas）：\n${stale.join("\n")}`);
    process.exit(1);
  }
  process.exit(0);
}
for (const provider of PROVIDERS) {
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/prisma/build/index.js"), "generate", "--config", `prisma/${provider}/prisma.config.ts`],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" } },
  );
}
