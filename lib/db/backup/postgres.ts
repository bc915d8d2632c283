import "server-only";
// PostgreSQL backup and restore with the client tools (pg_dump -Fc / pg_restore). pg_dump reads in one snapshot, so a
// dump taken while the app saves is consistent. The password goes to the tools in PGPASSWORD, not on the command
// line, where every user of the machine could read it in `ps`.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, readSync } from "node:fs";
import pg from "pg";
import { BackupRefused } from "@/lib/db/backup/errors";

export type PgTool = "pg_dump" | "pg_restore";

/** Fails with what to install when a client tool is missing (it is a separate package from the server). */
export function requirePgTool(tool: PgTool): void {
  const probe = spawnSync(tool, ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new BackupRefused(
      `未找到 ${tool}：请安装 PostgreSQL 客户端工具（Debian/Ubuntu：apt-get install postgresql-client），` +
        "其主版本应不低于数据库服务器的版本",
    );
  }
}

export function hasPgTools(): boolean {
  return (["pg_dump", "pg_restore"] as const).every((t) => !spawnSync(t, ["--version"]).error);
}

/** The URL as libpq understands it: without the password (passed in PGPASSWORD) and without Prisma's own
 *  parameters such as `schema`, which libpq rejects. */
export function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  for (const key of ["schema", "connection_limit", "pool_timeout", "pgbouncer", "socket_timeout"]) u.searchParams.delete(key);
  return { dbname: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

function run(tool: PgTool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new BackupRefused(`${tool} 执行失败（退出码 ${code}）：${stderr.trim()}`)),
    );
  });
}

export async function backupPostgres(url: string, out: string): Promise<void> {
  requirePgTool("pg_dump");
  const { dbname, env } = libpqTarget(url);
  await run("pg_dump", ["--format=custom", "--file", out, "--dbname", dbname], env);
}

/** Whether a file is a pg_dump custom-format archive (it starts with "PGDMP"). */
export function isPgDump(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(5);
    readSync(fd, head, 0, 5, 0);
    return head.toString("latin1") === "PGDMP";
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses, before anything is written, a database that other sessions are using (the app) or that already has
 * tables, unless forced. Creates the database when it does not exist yet. Returns whether it has tables.
 */
export async function checkPostgresTarget(url: string, force: boolean): Promise<{ hasTables: boolean }> {
  requirePgTool("pg_restore");
  await ensureDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const others = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    const tables = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    if (!force && Number(others.rows[0].n) > 0) {
      throw new BackupRefused(`数据库 ${name} 正有 ${others.rows[0].n} 个连接在使用（应用可能仍在运行）。请先停止应用；确需覆盖请加 --force`);
    }
    if (!force && Number(tables.rows[0].n) > 0) {
      throw new BackupRefused(`数据库 ${name} 已有数据表，恢复会覆盖它。确需覆盖请加 --force（建议先对它做一次备份）`);
    }
    return { hasTables: Number(tables.rows[0].n) > 0 };
  } finally {
    await client.end();
  }
}

/** Restores a dump into a checked target. Old tables are dropped first, so that the result is exactly the backup,
 *  not a mix with tables of a newer release that the dump knows nothing about. */
export async function restorePostgres(file: string, url: string, hasTables: boolean): Promise<void> {
  if (!isPgDump(file)) throw new BackupRefused(`${file} 不是 pg_dump 自定义格式（-Fc）的备份文件`);
  if (hasTables) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    } finally {
      await client.end();
    }
  }
  const { dbname, env } = libpqTarget(url);
  // One transaction: a restore that fails half-way leaves the database as it was, not half-filled.
  await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", dbname, file], env);
}

async function ensureDatabase(url: string): Promise<void> {
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error; // 3D000: the database does not exist
  } finally {
    await probe.end().catch(() => undefined);
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
}
