// Runs one of our CLIs as an operator does: a separate Node process through tsx, with its own DATABASE_URL.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** A database URL nothing listens on: commands that must not need a database prove it by succeeding with it. */
export const NO_DATABASE = "postgresql://nobody@127.0.0.1:9/none";

export type CliResult = { code: number | null; stdout: string; stderr: string };

export function runScript(script: string, args: string[], databaseUrl = NO_DATABASE): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
