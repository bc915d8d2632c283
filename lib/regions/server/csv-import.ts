import "server-only";
// Import of a region list from CSV (code,name,parent_code). All or nothing: every row is checked first, and
// either all rows are written in one transaction or none is and each bad row is reported by its line number.
import { parse } from "csv-parse/sync";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/server/guards";
import { audit } from "@/lib/audit/server";
import { invalid, AppError } from "@/lib/errors";

/** A bad line of the CSV (every problem of a region CSV belongs to one line). */
export type RowError = { line: number; message: string };
import { REGION_CODE_PATTERN, regionPath, type RegionLevel } from "@/lib/regions/levels";
import { childLevel } from "@/lib/regions/server/service";
import { CSV_MAX_BYTES, CSV_MAX_ROWS, ZRegionName } from "@/lib/regions/schemas";

export type ImportRow = { line: number; code: string; name: string; parentCode: string };
type Known = { code: string; name: string; level: string; path: string; parentCode: string | null };
export type ImportPlan = {
  errors: RowError[];
  creates: { code: string; name: string; level: RegionLevel; parentCode: string; path: string }[];
  renames: { code: string; name: string }[];
  unchanged: number;
};

/** Excel in China often saves CSV as GB18030; accept UTF-8 (with or without BOM) and fall back to GB18030. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

export function parseRegionCsv(text: string): { rows: ImportRow[]; errors: RowError[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return { rows: [], errors: [{ line, message: "CSV 格式错误（引号不配对或编码有误），请用“另存为 CSV”重新导出" }] };
  }
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    const [code = "", name = "", parentCode = ""] = record;
    if (rows.length === 0 && errors.length === 0 && /code|代码/i.test(code)) continue; // header row
    if (record.length < 3 || record.length > 3) {
      errors.push({ line, message: `应有 3 列（代码,名称,上级代码），实际 ${record.length} 列` });
      continue;
    }
    rows.push({ line, code, name, parentCode });
  }
  if (rows.length + errors.length > CSV_MAX_ROWS) {
    return { rows: [], errors: [{ line: 0, message: `一次最多导入 ${CSV_MAX_ROWS} 行` }] };
  }
  return { rows, errors };
}

/** Checks every row against the existing tree and the actor's reach; pure, so it is tested without a database. */
export function planRegionImport(rows: ImportRow[], existing: Map<string, Known>, scopePath: string): ImportPlan {
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const byCode = new Map<string, ImportRow>();
  for (const row of rows) {
    const problems: string[] = [];
    if (!REGION_CODE_PATTERN.test(row.code)) problems.push(`代码“${row.code}”不是 6 位行政区划代码`);
    const name = ZRegionName.safeParse(row.name);
    if (!name.success) problems.push(name.error.issues[0].message);
    if (!REGION_CODE_PATTERN.test(row.parentCode)) problems.push(`上级代码“${row.parentCode}”不是 6 位行政区划代码`);
    if (row.code === row.parentCode) problems.push("上级代码不能与本身代码相同");
    const dup = seen.get(row.code);
    if (dup !== undefined) problems.push(`代码 ${row.code} 与第 ${dup} 行重复`);
    seen.set(row.code, row.line);
    if (problems.length) errors.push({ line: row.line, message: problems.join("；") });
    else byCode.set(row.code, { ...row, name: name.data! });
  }

  // Resolve levels and paths parent-first; a parent may be an existing region or another row of the file.
  const resolved = new Map<string, Known>(existing);
  const plan: ImportPlan = { errors, creates: [], renames: [], unchanged: 0 };
  const pending = [...byCode.values()];
  let progress = true;
  while (pending.length && progress) {
    progress = false;
    for (let i = 0; i < pending.length; i++) {
      const row = pending[i];
      const parent = resolved.get(row.parentCode);
      if (!parent) continue;
      pending.splice(i--, 1);
      progress = true;
      const fail = (message: string) => errors.push({ line: row.line, message });
      if (!parent.path.startsWith(scopePath)) {
        fail(`上级区划 ${row.parentCode} 不在您的管理范围内`);
        continue;
      }
      const level = childLevel(parent.level);
      if (!level) {
        fail(`上级区划 ${parent.name}（${parent.code}）是县级，不能再有下级`);
        continue;
      }
      const current = existing.get(row.code);
      if (current) {
        if (current.parentCode !== row.parentCode) {
          fail(`代码 ${row.code} 已存在（${current.name}），上级代码与现有记录不一致`);
        } else if (current.name !== row.name) {
          plan.renames.push({ code: row.code, name: row.name });
        } else {
          plan.unchanged++;
        }
        continue;
      }
      const path = regionPath(parent.path, row.code);
      resolved.set(row.code, { code: row.code, name: row.name, level, path, parentCode: parent.code });
      plan.creates.push({ code: row.code, name: row.name, level, parentCode: parent.code, path });
    }
  }
  for (const row of pending) errors.push({ line: row.line, message: `上级代码 ${row.parentCode} 不存在` });
  errors.sort((a, b) => a.line - b.line);
  return plan;
}

export type ImportResult = { created: number; renamed: number; unchanged: number };

export async function importRegionsCsv(db: Db, actor: Actor, bytes: Uint8Array): Promise<ImportResult> {
  requirePermission(actor, "region:manage");
  if (bytes.byteLength === 0) throw invalid("文件为空");
  if (bytes.byteLength > CSV_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "文件过大：CSV 不能超过 1 MB");
  const { rows, errors: parseErrors } = parseRegionCsv(decodeCsv(bytes));
  if (!rows.length && !parseErrors.length) throw invalid("文件中没有数据行");
  const existing = new Map(
    (await db.region.findMany({ select: { code: true, name: true, level: true, path: true, parentCode: true } })).map(
      (r) => [r.code, r] as const,
    ),
  );
  const plan = planRegionImport(rows, existing, actor.region.path);
  const errors = [...parseErrors, ...plan.errors].sort((a, b) => a.line - b.line);
  if (errors.length) {
    throw new RegionImportError(errors);
  }
  await db.$transaction(async (tx) => {
    await tx.region.createMany({ data: plan.creates });
    for (const r of plan.renames) await tx.region.update({ where: { code: r.code }, data: { name: r.name } });
    await audit(tx, actor.userId, "region.import", { type: "region", id: actor.region.code }, {
      created: plan.creates.length,
      renamed: plan.renames.length,
    });
  });
  return { created: plan.creates.length, renamed: plan.renames.length, unchanged: plan.unchanged };
}

/** The bad rows of a region CSV as a coded error (422) whose rows the client lists; nothing was imported. */
export class RegionImportError extends AppError {
  constructor(rows: RowError[]) {
    super("INVALID_INPUT", `有 ${rows.length} 行数据有误，未导入任何数据，请修改后重新导入`, undefined, rows);
  }
}
