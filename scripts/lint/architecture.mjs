// The architecture as data: which part of the code a file belongs to (by its path) and what each part may not
// import. eslint.config.mjs turns this into `no-restricted-imports` rules, so breaking a boundary fails `npm run
// lint` (and so `npm test`); docs/architecture.md describes the same parts, and scripts/lint/architecture.test.ts
// shows every rule refusing an import it forbids. Decision record: docs/decisions/016-architecture-rules.md.
//
// A file belongs to the FIRST part whose globs match it. Imports are checked by their text, which is why every
// import inside lib/, components/ and app/ is an "@/…" path (relative paths are refused there).

/** Groups of import paths (regular expressions on the whole import text), named for the messages. */
export const TARGETS = {
  db: { label: "数据库（lib/db、Prisma、驱动）", paths: ["@/lib/db(/.*)?", "@prisma/.*", "better-sqlite3", "pg"] },
  server: {
    label: "服务端代码（server/ 目录、lib/http、lib/export、lib/storage、lib/seed、lib/server）",
    paths: ["@/lib/(.+/)?server(/.*)?", "@/lib/(http|export|storage|seed)/.*", "server-only", "next/headers"],
  },
  app: { label: "路由（app/）", paths: ["@/app/.*"] },
  components: { label: "界面组件（components/）", paths: ["@/components/.*"] },
  docx: { label: "Word 生成（lib/docx）", paths: ["@/lib/docx(/.*)?"] },
  testing: { label: "测试辅助代码", paths: ["@/lib/testing(/.*)?", "@/lib/(.+/)?testing(/.*)?"] },
  node: { label: "Node.js 内置模块", paths: ["node:.*", "fs", "path", "crypto", "child_process", "zlib", "os"] },
  review: { label: "审核（lib/review）", paths: ["@/lib/review(/.*)?"] },
  relative: { label: "相对路径（请用 @/ 开头的路径）", paths: ["\\.{1,2}(/.*)?"] },
};

/** Any path into review feature `f` but its two entries. */
function deepImportOf(f) {
  return `@/lib/review/${f}/(?!server$).+`;
}

/** The review features: each has one browser-safe entry (lib/review/<f>/index.ts) and one server entry
 *  (lib/review/<f>/server/index.ts); from outside the feature only those two may be imported. */
export const REVIEW_FEATURES = ["workflow", "comments", "dashboard", "audit", "verification", "ledger"];

const SERVER_FILES = ["lib/**/server/**", "lib/**/server.ts", "lib/http/**", "lib/export/**", "lib/storage/**", "lib/seed/**", "lib/server/**"];

/**
 * The parts, most specific first. `forbid` names TARGETS; `allowTypes` lets `import type` through (types vanish
 * from the bundle). `allow` re-admits paths a forbidden group would catch.
 */
export const PARTS = [
  {
    name: "tests",
    about: "测试与测试辅助代码：可以导入任何部分",
    files: ["**/*.test.ts", "**/*.test.tsx", "lib/testing/**", "lib/db/testing.ts", "lib/**/testing.ts", "lib/**/testing/**", "e2e/**"],
    forbid: [],
  },
  {
    name: "db",
    about: "数据库层：Prisma 客户端、驱动、迁移、全部 SQL（lib/db/queries）、备份",
    files: ["lib/db/**"],
    forbid: ["app", "components", "server", "docx", "review", "relative"],
    allow: ["@/lib/server/env", "server-only"],
  },
  {
    name: "report-server",
    about: "报告的服务端：保存、历史版本、内容仓库、可编辑检查",
    files: ["lib/report/server/**"],
    forbid: ["app", "components", "review", "relative"],
  },
  {
    name: "report",
    about: "报告（浏览器与服务器共用）：内容模型、章节、提交前检查、状态",
    files: ["lib/report/**"],
    ignores: ["lib/report/server/**"],
    forbid: ["db", "server", "app", "components", "docx", "testing", "node", "review", "relative"],
  },
  ...REVIEW_FEATURES.flatMap((feature) => {
    const others = REVIEW_FEATURES.filter((f) => f !== feature).map(deepImportOf);
    return [
      {
        name: `review-${feature}-server`,
        about: `审核·${feature} 的服务端`,
        files: [`lib/review/${feature}/server/**`],
        forbid: ["app", "components", "relative"],
        extra: { label: "其他审核模块的内部文件（请从其入口导入）", paths: others },
      },
      {
        name: `review-${feature}`,
        about: `审核·${feature}（浏览器与服务器共用）`,
        files: [`lib/review/${feature}/**`],
        ignores: [`lib/review/${feature}/server/**`],
        forbid: ["db", "server", "app", "components", "docx", "testing", "node", "relative"],
        extra: { label: "其他审核模块的内部文件（请从其入口导入）", paths: others },
      },
    ];
  }),
  {
    name: "docx",
    about: "Word 生成：视图模型 → .docx，纯函数，不读数据库",
    files: ["lib/docx/**"],
    forbid: ["db", "server", "app", "components", "testing", "relative"],
  },
  {
    name: "server",
    about: "各功能的服务端代码（均以 import \"server-only\" 开头）",
    files: SERVER_FILES,
    forbid: ["app", "components", "relative"],
    entries: true,
  },
  {
    name: "universal",
    about: "浏览器与服务器共用：评价方案模型、公式引擎、学校表格规则、错误与校验",
    files: ["lib/**"],
    forbid: ["db", "server", "app", "components", "docx", "testing", "node", "relative"],
    entries: true,
  },
  {
    name: "browser",
    about: "界面组件：可能在浏览器中运行，只能通过服务端动作（app/**/actions）访问服务器",
    files: ["components/**"],
    forbid: ["db", "server", "docx", "testing", "node", "relative", "app"],
    allow: ["@/app/.*/([a-z]+-)?actions"],
    allowTypes: true,
    entries: true,
  },
  {
    name: "app",
    about: "路由：页面、服务端动作、接口",
    files: ["app/**"],
    forbid: ["testing", "relative"],
    entries: true,
  },
];

/** Deep imports into a review feature from outside it (only its two entries are public). */
export const REVIEW_ENTRIES = {
  label: "审核模块的内部文件（请从 @/lib/review/<模块> 或 @/lib/review/<模块>/server 导入）",
  paths: REVIEW_FEATURES.map(deepImportOf),
};

/** The no-restricted-imports patterns of one part: one regular expression per forbidden group, the part's
 *  allowed paths excluded from it. */
export function patternsOf(part) {
  const groups = part.forbid.map((t) => ({ ...TARGETS[t], key: t }));
  if (part.extra) groups.push(part.extra);
  if (part.entries) groups.push(REVIEW_ENTRIES);
  const unless = (part.allow ?? []).map((p) => `(?!(${p})$)`).join("");
  return groups.map((g) => ({
    regex: `^${unless}(${g.paths.join("|")})$`,
    message: `「${part.about}」不能导入${g.label}。见 docs/architecture.md。`,
    ...(part.allowTypes && g.key !== "relative" ? { allowTypeImports: true } : {}),
  }));
}

/** ESLint flat-config objects, one per part; each ignores the files of the parts before it. */
export function architectureConfigs() {
  return PARTS.map((part, i) => ({
    name: `architecture/${part.name}`,
    files: part.files,
    ignores: [...(part.ignores ?? []), ...PARTS.slice(0, i).flatMap((p) => p.files)],
    rules: part.forbid.length || part.extra || part.entries ? { "@typescript-eslint/no-restricted-imports": ["error", { patterns: patternsOf(part) }] } : {},
  }));
}

/** Parts whose modules run only on the server and must begin with `import "server-only"`. */
export const SERVER_PARTS = new Set(["db", "report-server", ...REVIEW_FEATURES.map((f) => `review-${f}-server`), "server"]);

/** Thread entries and the like that Node loads outside the server's module graph (no React server condition). */
export const SERVER_ONLY_EXEMPT = ["lib/export/render-worker.ts"];
