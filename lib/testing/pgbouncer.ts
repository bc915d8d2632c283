// A real PgBouncer in transaction mode in front of the test PostgreSQL (TEST_POSTGRES_URL), for the integration
// tests that prove the app works through a pooler (docs/decisions/023-pgbouncer-and-replica.md): the Debian binary
// with a config in a temporary directory, on a free port, authenticating clients with md5 against a userlist
// holding the test role's password and connecting to PostgreSQL with the same credentials. A small pool
// (default_pool_size 3) makes clients really share server connections.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";

export const PGBOUNCER_BIN = process.env.PGBOUNCER_BIN ?? "/usr/sbin/pgbouncer";

/** Why the PgBouncer tests cannot run here, or null. In CI a missing binary is a failure, not a skip. */
export function pgBouncerUnavailable(): string | null {
  if (!process.env.TEST_POSTGRES_URL) return "未设置 TEST_POSTGRES_URL，跳过 PgBouncer 测试";
  if (existsSync(PGBOUNCER_BIN)) return null;
  if (process.env.CI) throw new Error(`CI 中必须运行 PgBouncer 测试，但找不到 ${PGBOUNCER_BIN}（.ci/run 应安装 pgbouncer）`);
  return `未安装 PgBouncer（${PGBOUNCER_BIN}），跳过 PgBouncer 测试：apt-get install pgbouncer`;
}

export type PgBouncer = {
  port: number;
  /** `direct` (a URL of the test PostgreSQL) with host and port replaced by PgBouncer's. */
  through(direct: string): string;
  stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 10_000; ) {
    if (child.exitCode !== null) throw new Error(`PgBouncer 启动失败（退出码 ${child.exitCode}）：${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.end(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`PgBouncer 10 秒内未在端口 ${port} 上监听：${log()}`);
}

/** PgBouncer refuses to run as root: then it is started with `-u` as the PostgreSQL OS user (or nobody). */
function unprivilegedUser(): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ["postgres", "nobody"]) {
    try {
      const [uid, gid] = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, name], { encoding: "utf8" }).trim()));
      return { name, uid, gid };
    } catch {
      // no such user: try the next
    }
  }
  throw new Error("以 root 运行时需要 postgres 或 nobody 用户来启动 PgBouncer");
}

export async function startPgBouncer(options: { poolSize?: number } = {}): Promise<PgBouncer> {
  const admin = new URL(process.env.TEST_POSTGRES_URL!);
  const user = decodeURIComponent(admin.username);
  const password = decodeURIComponent(admin.password);
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "edu-pgbouncer-"));
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  writeFileSync(path.join(dir, "userlist.txt"), `${quote(user)} ${quote(password)}\n`);
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      // Any database name the client asks for, on the test server: each test creates its own database.
      `* = host=${admin.hostname} port=${admin.port || "5432"}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = md5",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      `default_pool_size = ${options.poolSize ?? 3}`,
      "max_client_conn = 500",
      "ignore_startup_parameters = extra_float_digits",
      "",
    ].join("\n"),
  );
  const runAs = unprivilegedUser();
  if (runAs) {
    chownSync(dir, runAs.uid, runAs.gid);
    for (const f of ["userlist.txt", "pgbouncer.ini"]) chownSync(path.join(dir, f), runAs.uid, runAs.gid);
  }
  chmodSync(path.join(dir, "userlist.txt"), 0o600);
  const child = spawn(PGBOUNCER_BIN, [...(runAs ? ["-u", runAs.name] : []), path.join(dir, "pgbouncer.ini")], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  try {
    await waitForPort(port, child, () => log);
  } catch (error) {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    through(direct) {
      const u = new URL(direct);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGINT"); // immediate shutdown: closes client and server connections
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
