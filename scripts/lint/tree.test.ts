// What lint cannot see by import text: every server module starts with `import "server-only"` (so a browser
// bundle that reaches one fails to build), and SQL text lives only under lib/db (lib/db/queries for the app's
// own statements). Parts are those of scripts/lint/architecture.mjs.
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { PARTS, SERVER_ONLY_EXEMPT, SERVER_PARTS } from "@/scripts/lint/architecture.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "app", "components", "lib", "scripts", "e2e"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !f.startsWith("lib/db/generated/"));

const matchers = PARTS.map((p) => ({ name: p.name, files: picomatch(p.files), ignores: picomatch(p.ignores?.length ? p.ignores : ["\0"]) }));
const partOf = (file: string) => matchers.find((m) => m.files(file) && !m.ignores(file))?.name ?? null;

// Statements as code writes them: keywords followed by what makes them SQL, plus the raw-query APIs.
const SQL = /\b(SELECT\s+(?:[A-Za-z_"*(]|count\()|INSERT\s+INTO|UPDATE\s+"|DELETE\s+FROM|CREATE\s+(?:TABLE|DATABASE|INDEX|ROLE)|DROP\s+(?:TABLE|DATABASE)|PRAGMA\s+[a-z_]+)|\$queryRaw|\$executeRaw|\.pragma\(|(?<![\w.])sql`/;

describe("the tree", () => {
  it("every server module begins with import \"server-only\"", () => {
    const missing = files
      .filter((f) => SERVER_PARTS.has(partOf(f) ?? "") && !SERVER_ONLY_EXEMPT.includes(f))
      .filter((f) => !readFileSync(path.join(root, f), "utf8").startsWith('import "server-only";'));
    expect(missing).toEqual([]);
  });

  it("has server modules in every server part (the check above looks at something)", () => {
    const seen = new Set(files.map(partOf).filter((p) => p && SERVER_PARTS.has(p)));
    expect([...seen].sort()).toEqual([...SERVER_PARTS].sort());
  });

  it("keeps SQL text inside lib/db", () => {
    const outside = files.filter((f) => !f.startsWith("lib/db/") && !f.startsWith("scripts/lint/") && SQL.test(readFileSync(path.join(root, f), "utf8")));
    expect(outside).toEqual([]);
  });

  it("finds SQL where it is (the pattern is not blind)", () => {
    expect(SQL.test(readFileSync(path.join(root, "lib/db/queries/sections.ts"), "utf8"))).toBe(true);
    expect(SQL.test(readFileSync(path.join(root, "lib/db/queries/reports.ts"), "utf8"))).toBe(true);
  });

  it("gives every file in lib, components and app a part", () => {
    expect(files.filter((f) => /^(lib|components|app)\//.test(f) && !partOf(f))).toEqual([]);
  });
});

describe("docs/architecture.md", () => {
  const doc = readFileSync(path.join(root, "docs/architecture.md"), "utf8");
  const tree = doc.slice(doc.indexOf("## 目录")).split("```")[1];
  const dirs = (dir: string) =>
    execFileSync("git", ["ls-files", dir], { cwd: root, encoding: "utf8" })
      .split("\n")
      .filter((f) => f.split("/").length > dir.split("/").length + 1)
      .map((f) => f.split("/")[dir.split("/").length])
      .filter((d, i, all) => all.indexOf(d) === i && d !== "generated")
      .sort();
  const named = (from: string, to: string, indent: number) => {
    const block = tree.slice(tree.indexOf(from), tree.indexOf(to));
    return [...new Set(block.split("\n").filter((l) => l.startsWith(" ".repeat(indent)) && l[indent] !== " ").flatMap((l) => [...l.slice(indent).split(/\s{2,}/)[0].matchAll(/([a-z-]+)\//g)].map((m) => m[1])))].sort();
  };

  it("lists exactly the folders of lib/", () => {
    expect(named("\nlib/", "\nprisma/", 2)).toEqual(dirs("lib"));
  });

  it("lists exactly the features of lib/review/", () => {
    expect(named("  review/\n", "\n  audit/", 4)).toEqual(dirs("lib/review"));
  });

  it("lists exactly the folders of components/", () => {
    const line = tree.split("\n").find((l) => l.startsWith("components/"))!;
    expect([...line.slice("components/".length).matchAll(/([a-z-]+)\//g)].map((m) => m[1]).sort()).toEqual(dirs("components"));
  });
});
