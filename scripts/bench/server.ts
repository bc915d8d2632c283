// Starts the production server through `npm start`'s script (builds when needed) and stops it again. The build
// goes to NEXT_DIST_DIR when set (`NEXT_DIST_DIR=.next-bench npm run bench`), so a benchmark neither reuses nor
// overwrites a build another process is serving from the same checkout.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { waitForHealth } from "../wait-for-health";

const root = path.resolve(import.meta.dirname, "../..");

/** `cpuMs`: CPU time (user + system) used so far by the server's processes, from Linux /proc (0 elsewhere). */
export type Server = { url: string; stop: () => Promise<void>; cpuMs: () => number };

/** CPU milliseconds used so far by the processes `match` picks, given each one's name and the /proc/<pid>/stat fields
 *  after it (state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …): Linux; 0 elsewhere. */
export function processCpuMs(match: (comm: string, fields: string[]) => boolean): number {
  let ticks = 0;
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (match(stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), fields)) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** CPU milliseconds of every process in process group `pgid` (the server is started detached: its own group). */
const groupCpuMs = (pgid: number) => processCpuMs((_comm, fields) => Number(fields[2]) === pgid);

export async function startServer(env: Record<string, string>, port: number): Promise<Server> {
  // The health check below would happily succeed against someone else's server (another benchmark run).
  if (await fetch(`http://127.0.0.1:${port}/api/health`).then(() => true, () => false)) throw new Error(`port ${port} is already in use`);
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  // The first start builds the app: allow 5 minutes.
  await waitForHealth(`${url}/api/health`, 300, () => child.exitCode !== null);
  if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
  return {
    url,
    cpuMs: () => groupCpuMs(child.pid!),
    // Waits until the server is gone (up to 10 s, then kills it), so that the next measurement shares the CPU with
    // no server left shutting down.
    stop: async () => {
      const exited = child.exitCode !== null ? Promise.resolve() : new Promise((r) => child.once("exit", r));
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((r) => (timer = setTimeout(r, 10_000, "timeout")));
      const outcome = await Promise.race([exited, timeout]);
      clearTimeout(timer);
      if (outcome === "timeout") {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // gone meanwhile
        }
      }
      await new Promise((r) => setTimeout(r, 500));
    },
  };
}
