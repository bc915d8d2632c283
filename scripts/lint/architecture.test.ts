// The architecture rules refuse what they forbid: each case lints a one-line file placed in a part of the tree
// (ESLint's lintText with that path, so the real eslint.config.mjs applies) and expects the boundary error or none.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

const refused: [string, string, string, RegExp][] = [
  ["a browser component importing the database client", "components/report/probe.tsx", 'import { getDb } from "@/lib/db/client";\nexport const x = getDb;', /界面组件.*不能导入数据库/],
  ["a browser component importing a server module", "components/report/probe.tsx", 'import { saveSection } from "@/lib/report/server/save-section";\nexport const x = saveSection;', /不能导入服务端代码/],
  ["a universal module importing @/lib/db", "lib/report/probe.ts", 'import { sql } from "@/lib/db/driver";\nexport const x = sql;', /报告（浏览器与服务器共用）.*不能导入数据库/],
  ["a universal module importing the generated Prisma client", "lib/template/probe.ts", 'import { PrismaClient } from "@/lib/db/generated/sqlite/client";\nexport const x = PrismaClient;', /不能导入数据库/],
  ["a universal module importing anything under app/", "lib/indicators/probe.ts", 'import { logoutAction } from "@/app/(app)/actions";\nexport const x = logoutAction;', /不能导入路由/],
  ["a universal module importing a Node.js built-in", "lib/template/probe.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;', /不能导入Node\.js 内置模块/],
  ["the docx builder importing the database", "lib/docx/probe.ts", 'import { getDb } from "@/lib/db/client";\nexport const x = getDb;', /Word 生成.*不能导入数据库/],
  ["the db layer importing a route", "lib/db/probe.ts", 'import { GET } from "@/app/api/health/route";\nexport const x = GET;', /数据库层.*不能导入路由/],
  ["report code importing review code (the loop)", "lib/report/server/probe.ts", 'import { listComments } from "@/lib/review/comments/server";\nexport const x = listComments;', /不能导入审核/],
  ["a deep import into a review feature from outside it", "components/review/probe.tsx", 'import { toThreads } from "@/lib/review/comments/view";\nexport const x = toThreads;', /审核模块的内部文件/],
  ["a deep import into another review feature", "lib/review/workflow/server/probe.ts", 'import { listComments } from "@/lib/review/comments/server/comments";\nexport const x = listComments;', /其他审核模块的内部文件/],
  ["a relative import in lib", "lib/report/probe.ts", 'import { sectionsOf } from "./sections";\nexport const x = sectionsOf;', /相对路径/],
];

const allowed: [string, string, string][] = [
  ["a browser component importing a server action", "components/report/probe.tsx", 'import { createReportAction } from "@/app/(app)/reports/actions";\nexport const x = createReportAction;'],
  ["a browser component importing a review entry", "components/review/probe.tsx", 'import { toThreads } from "@/lib/review/comments";\nexport const x = toThreads;'],
  ["a browser component importing only a type from the server", "components/report/probe.tsx", 'import type { Db } from "@/lib/db/connect";\nexport type X = Db;'],
  ["a server module importing the database", "lib/report/server/probe.ts", 'import { getDb } from "@/lib/db/client";\nexport const x = getDb;'],
  ["a review feature importing its own internals", "lib/review/comments/server/probe.ts", 'import { toThreads } from "@/lib/review/comments/view";\nexport const x = toThreads;'],
  ["the db layer reading the environment", "lib/db/probe.ts", 'import { env } from "@/lib/server/env";\nexport const x = env;'],
  ["a test importing anything", "lib/report/probe.test.ts", 'import { getDb } from "@/lib/db/client";\nexport const x = getDb;'],
];

describe("architecture rules (scripts/lint/architecture.mjs)", () => {
  it.each(refused)("refuses %s", async (_what, file, code, message) => {
    const errors = await boundaryErrors(file, code);
    expect(errors.length, `${file}: ${code}`).toBe(1);
    expect(errors[0]).toMatch(message);
  });

  it.each(allowed)("allows %s", async (_what, file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
