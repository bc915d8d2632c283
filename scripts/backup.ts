// `npm run backup -- …`: back up or restore DATABASE_URL (default file:./data/app.db) and the evidence files
// (STORAGE_URL's bucket, else FILES_DIR, default data/files). The logic is lib/db/backup/; docs/operations.md explains when to run what. Exit codes: 0 done,
// 1 refused (missing pg_dump, target in use or not empty, not a backup file), 2 usage.
import { createBackup, restoreBackup } from "@/lib/db/backup/backup";
import { BackupRefused } from "@/lib/db/backup/errors";
import { env } from "@/lib/server/env";
import { getStorage } from "@/lib/storage";
import { backupFilesOf } from "@/lib/storage/backup";
import { argsOf, runCli, UsageError } from "./cli-args";

const USAGE = `用法：
  npm run backup                              备份到 backups/app-<日期时间>.db（PostgreSQL 为 .dump）及同名 .files/ 目录
  npm run backup -- --out <文件>              备份到指定文件（证明材料在 <文件>.files/）
  npm run backup -- --dir <目录>              备份到指定目录，文件名按日期时间生成
  npm run backup -- --restore <文件> [--force]
                                              把备份恢复到 DATABASE_URL 与证明材料存储（STORAGE_URL 或 FILES_DIR）；目标正在使用或已有数据时
                                              须加 --force 才会覆盖`;

type Args = { out?: string; dir?: string; restore?: string; force: boolean };

function parse(argv: string[]): Args {
  const args = argsOf(argv);
  const parsed: Args = { out: args.value("--out"), dir: args.value("--dir"), restore: args.value("--restore"), force: args.flag("--force") };
  args.done();
  if (parsed.restore && (parsed.out || parsed.dir)) throw new UsageError("--restore 不能与 --out、--dir 同时使用");
  if (parsed.out && parsed.dir) throw new UsageError("--out 与 --dir 只能选一个");
  if (parsed.force && !parsed.restore) throw new UsageError("--force 只用于 --restore");
  return parsed;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const args = parse(argv);
  const databaseUrl = env().DATABASE_URL;
  const storage = getStorage();
  if (args.restore) {
    const r = await restoreBackup({ file: args.restore, databaseUrl, files: backupFilesOf(storage), force: args.force });
    console.log(`已恢复：${r.provider === "sqlite" ? "SQLite" : "PostgreSQL"} 数据库，证明材料 ${r.fileCount} 个文件（${storage.label}）。`);
    console.log("启动应用（npm start）时会自动执行尚未应用的迁移。");
    return 0;
  }
  const r = await createBackup({ databaseUrl, files: backupFilesOf(storage), out: args.out, dir: args.dir });
  console.log(`已备份数据库：${r.database}`);
  console.log(`已备份证明材料：${r.files}（${r.fileCount} 个文件）`);
  return 0;
}

runCli(main, { usage: USAGE, failure: "备份/恢复失败", refusals: [BackupRefused], exit: true });
