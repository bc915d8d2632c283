import "server-only";
// Stored evaluation schemes. Built-in schemes are inserted at startup when missing; administrators upload more as
// JSON. A stored scheme is immutable: a changed scheme is a new version, so reports keep the text they were
// written against.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/server/guards";
import { audit } from "@/lib/audit/server";
import { AppError, notFound } from "@/lib/errors";
import { BUILTIN_SCHEMES } from "@/lib/template/schemes";
import { describeSchemeErrors, validateScheme } from "@/lib/template/validate-scheme";
import type { TScheme } from "@/lib/template/schema";

const parsed = new Map<string, TScheme>();

/** The scheme of a stored row, parsed once per process (rows never change). */
export function schemeOf(row: { id: string; definition: string }): TScheme {
  let scheme = parsed.get(row.id);
  if (!scheme) {
    const result = validateScheme(JSON.parse(row.definition));
    if (!result.ok) throw new Error(`stored scheme ${row.id} is invalid: ${result.errors[0]?.message}`);
    scheme = result.scheme;
    parsed.set(row.id, scheme);
  }
  return scheme;
}

/** The parsed scheme for an id, from the per-process cache or (once) from the database. */
export async function cachedScheme(db: Db, id: string): Promise<TScheme> {
  const hit = parsed.get(id);
  if (hit) return hit;
  return schemeOf(await getSchemeRow(db, id));
}

function schemeRow(scheme: TScheme) {
  const { code, version, title, year } = scheme;
  return { id: randomUUID(), code, version, title, year, definition: JSON.stringify(scheme) };
}

/** Inserts the built-in schemes that are missing; returns how many it added. `npm start` runs it under the startup
 *  lock (lib/db/migrate.ts prepareDatabase); a scheme another process inserted meanwhile counts as there. */
export async function ensureBuiltinSchemes(db: Db): Promise<number> {
  let added = 0;
  for (const scheme of BUILTIN_SCHEMES) {
    const exists = await db.scheme.findUnique({ where: { code_version: { code: scheme.code, version: scheme.version } } });
    if (exists) continue;
    try {
      await db.scheme.create({ data: { ...schemeRow(scheme), builtin: true } });
      added++;
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  return added;
}

/** The newest version of each scheme code. */
export async function listSchemes(db: Db) {
  const rows = await db.scheme.findMany({ orderBy: [{ year: "desc" }, { code: "asc" }, { version: "desc" }] });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.code)) latest.set(r.code, r);
  return { latest: [...latest.values()], all: rows };
}

/** Whether a county may write a report on a scheme: shipped and uploaded schemes (no owner) reach every county; a
 *  scheme a 督导室 published reaches the counties below its owner region, the way every other reach is decided. */
export function schemeReachesCounty(scheme: { regionCode: string | null }, countyPath: string): boolean {
  return scheme.regionCode === null || countyPath.includes(`/${scheme.regionCode}/`);
}

/** The newest version of each scheme code that reaches the county: what its "新建报告" list offers. */
export async function schemesForCounty(db: Db, county: { path: string }) {
  const rows = await db.scheme.findMany({ orderBy: [{ year: "desc" }, { code: "asc" }, { version: "desc" }] });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (schemeReachesCounty(r, county.path) && !latest.has(r.code)) latest.set(r.code, r);
  return [...latest.values()];
}

/** A scheme row by id for a county's report: one out of the county's reach is "not found", as an unknown id is. */
export async function getSchemeRowForCounty(db: Db, id: string, county: { path: string }) {
  const row = await getSchemeRow(db, id);
  if (!schemeReachesCounty(row, county.path)) throw notFound("评价方案");
  return row;
}

export async function getSchemeRow(db: Db, id: string) {
  const row = await db.scheme.findUnique({ where: { id } });
  if (!row) throw notFound("评价方案");
  return row;
}

/** Each error as a person reads it: "第 5 项评价重点「…」的第 1 个指标的公式的类型（op）：…（现为 "eval"）〔path〕". */
export class SchemeValidationError extends AppError {
  readonly rows: { line: number; message: string }[];
  constructor(
    readonly errors: { path: string; message: string }[],
    json: unknown = null,
  ) {
    super("INVALID_INPUT", `评价方案有 ${errors.length} 处错误，未保存`);
    this.rows = describeSchemeErrors(json, errors).map((message, i) => ({ line: i + 1, message }));
  }
}

export const SCHEME_MAX_BYTES = 512 * 1024;

export async function uploadScheme(db: Db, actor: Actor, text: string) {
  requirePermission(actor, "region:manage");
  if (text.length > SCHEME_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "文件过大：评价方案 JSON 不能超过 512 KB");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SchemeValidationError([{ path: "", message: `不是有效的 JSON：${(error as Error).message}` }]);
  }
  const result = validateScheme(json);
  if (!result.ok) throw new SchemeValidationError(result.errors, json);
  const scheme = result.scheme;
  const exists = await db.scheme.findUnique({ where: { code_version: { code: scheme.code, version: scheme.version } } });
  if (exists) {
    throw new SchemeValidationError([{ path: "version", message: `方案 ${scheme.code} 的第 ${scheme.version} 版已存在；修改后的方案请提高版本号` }], json);
  }
  return db.$transaction(async (tx) => {
    const row = await tx.scheme.create({ data: { ...schemeRow(scheme), createdBy: actor.userId } });
    await audit(tx, actor.userId, "scheme.upload", { type: "scheme", id: row.id }, { code: scheme.code, version: scheme.version });
    return row;
  });
}
