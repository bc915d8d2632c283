// Every npm script that runs a file of ours must find it: a README command that points nowhere is a broken promise.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const scripts: Record<string, string> = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts;

describe("package.json scripts", () => {
  it.each(Object.entries(scripts))("%s points at files that exist", (_name, command) => {
    for (const m of command.matchAll(/(?:^|\s)(?:tsx|node)(?:\s+--\S+)*\s+((?:scripts|e2e|lib)\/\S+)/g)) {
      expect(existsSync(path.join(root, m[1])), m[1]).toBe(true);
    }
  });

  // Server modules start with `import "server-only"`, which throws outside React's server condition: scripts are
  // server code and run with it (docs/decisions/016-architecture-rules.md).
  it.each(Object.entries(scripts).filter(([, c]) => /(^|\s)tsx\s/.test(c)))("%s runs tsx with the react-server condition", (_name, command) => {
    expect(command).toMatch(/tsx --conditions=react-server /);
  });
});
