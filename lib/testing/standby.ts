// A real PostgreSQL hot standby of the test server (TEST_POSTGRES_URL), for the tests of reads from a replica
// (lib/db/replica.ts, docs/decisions/023-pgbouncer-and-replica.md): pg_basebackup of the whole cluster through a
// role with the REPLICATION right (TEST_POSTGRES_REPLICATION_URL, created by .ci/run), into a temporary directory
// with its own minimal configuration (Debian keeps the primary's in /etc), started on a free port with streaming
// replication. PostgreSQL refuses to run as root: as root, everything runs as the `postgres` OS user.
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PAUSE_REPLAY, RESUME_REPLAY, serverLimits } from "@/lib/db/testing";
import { freePort } from "@/lib/testing/pgbouncer";

function binDir(): string | null {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(path.join(base, v, "bin", "pg_basebackup"))).sort((a, b) => Number(a) - Number(b));
  return versions.length ? path.join(base, versions.at(-1)!, "bin") : null;
}

/** Why the standby tests cannot run here, or null. In CI, anything missing is a failure, not a skip. */
export function standbyUnavailable(): string | null {
  if (!process.env.TEST_POSTGRES_URL) return "未设置 TEST_POSTGRES_URL，跳过只读副本测试";
  const missing = !process.env.TEST_POSTGRES_REPLICATION_URL
    ? "未设置 TEST_POSTGRES_REPLICATION_URL（有 REPLICATION 权限的角色，.ci/run 会创建 edu_replica）"
    : !binDir()
      ? "找不到 PostgreSQL 服务端程序（/usr/lib/postgresql/*/bin/pg_basebackup）"
      : process.getuid?.() === 0 && !osUser()
        ? "以 root 运行时需要 postgres 用户来启动只读副本"
        : null;
  if (!missing) return null;
  if (process.env.CI) throw new Error(`CI 中必须运行只读副本测试：${missing}`);
  return `${missing}，跳过只读副本测试`;
}

function osUser(): { uid: number; gid: number } | null {
  try {
    const [uid, gid] = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim()));
    return { uid, gid };
  } catch {
    return null;
  }
}

export type Standby = {
  port: number;
  /** `direct` (a URL of a database on the test PostgreSQL) with host and port replaced by the standby's. */
  through(direct: string): string;
  /** pg_wal_replay_pause / resume, as the standby's superuser: lets a test hold the standby behind the primary. */
  pauseReplay(): void;
  resumeReplay(): void;
  stop(): void;
};

export async function startStandby(): Promise<Standby> {
  const bin = binDir()!;
  const root = process.getuid?.() === 0;
  const user = root ? osUser()! : null;
  /** Runs a PostgreSQL program, as the postgres OS user when we are root. */
  const run = (program: string, args: string[], env: Record<string, string> = {}) =>
    execFileSync(root ? "runuser" : path.join(bin, program), root ? ["-u", "postgres", "--", path.join(bin, program), ...args] : args, {
      encoding: "utf8",
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });

  const dir = mkdtempSync(path.join(os.tmpdir(), "edu-standby-"));
  const data = path.join(dir, "data");
  if (user) chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
  const replication = new URL(process.env.TEST_POSTGRES_REPLICATION_URL!);
  const chosen = await freePort();
  const limits = await serverLimits(process.env.TEST_POSTGRES_URL!);
  const stopServer = () => {
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // not running
    }
  };
  try {
    run(
      "pg_basebackup",
      ["-h", replication.hostname, "-p", replication.port || "5432", "-U", decodeURIComponent(replication.username), "-D", data, "-R", "-X", "stream", "-c", "fast", "--no-sync"],
      { PGPASSWORD: decodeURIComponent(replication.password) },
    );
    writeFileSync(
      path.join(data, "postgresql.conf"),
      [
        `port = ${chosen}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        "hot_standby = on",
        // A standby refuses to start with lower limits than its primary's: copy them.
        ...limits,
        "shared_buffers = 16MB",
        "fsync = off",
        `hba_file = '${path.join(data, "pg_hba.conf")}'`,
        `ident_file = '${path.join(data, "pg_ident.conf")}'`,
        "",
      ].join("\n"),
    );
    writeFileSync(
      path.join(data, "pg_hba.conf"),
      ["local all postgres peer", "host all all 127.0.0.1/32 scram-sha-256", ""].join("\n"),
    );
    writeFileSync(path.join(data, "pg_ident.conf"), "");
    if (user) for (const f of ["postgresql.conf", "pg_hba.conf", "pg_ident.conf"]) chownSync(path.join(data, f), user.uid, user.gid);
    run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-t", "60", "start"]);
  } catch (error) {
    stopServer();
    const e = error as { stderr?: string; message: string };
    const log = existsSync(path.join(dir, "log")) ? readFileSync(path.join(dir, "log"), "utf8").slice(-2000) : "";
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`只读副本启动失败：${e.stderr || e.message}\n${log}`);
  }
  const psql = (statement: string) => run("psql", ["-h", dir, "-p", String(chosen), "-d", "postgres", "-qAtc", statement]);
  return {
    port: chosen,
    through(direct) {
      const u = new URL(direct);
      u.hostname = "127.0.0.1";
      u.port = String(chosen);
      return u.toString();
    },
    pauseReplay: () => void psql(PAUSE_REPLAY),
    resumeReplay: () => void psql(RESUME_REPLAY),
    stop() {
      stopServer();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
