import "server-only";
// Scheme drafts (decision 030). A draft belongs to a province or a city and is edited freely — it may be invalid
// while being worked on — until it is published, which validates it and writes a new immutable Scheme row. Reach
// is the region rule used everywhere: a draft is visible to 方案管理员 and administrators at its region or above,
// so a city's 方案管理员 never even sees (404) a province's draft, let alone publishes it.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import { reachesPath, type Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/server/guards";
import { regionsInScope } from "@/lib/auth/server/scope";
import type { Permission } from "@/lib/auth/roles";
import { audit } from "@/lib/audit/server";
import { conflict, notFound } from "@/lib/errors";
import { REPORT_STATUSES, type ReportStatus } from "@/lib/report/status";
import { diffSchemes } from "@/lib/template/scheme-diff";
import { validateScheme } from "@/lib/template/validate-scheme";
import { getSchemeRow, SCHEME_MAX_BYTES, schemeOf, SchemeValidationError } from "@/lib/schemes/server/service";
import type { TDraftCopy, TDraftPublish, TDraftSave } from "@/lib/schemes/drafts";

/** The draft with its owner region, if the actor may `permission` it and the region is in reach; else 404. */
export async function getDraftAccess(db: Db, actor: Actor, id: string, permission: Permission = "scheme:manage") {
  requirePermission(actor, permission);
  const draft = await db.schemeDraft.findUnique({ where: { id } });
  const region = draft ? await db.region.findUnique({ where: { code: draft.regionCode } }) : null;
  if (!draft || !region || !reachesPath(actor, region.path)) throw notFound("评价方案草稿");
  return { ...draft, region };
}

/** The drafts in the actor's reach, newest first. */
export async function listDrafts(db: Db, actor: Actor) {
  requirePermission(actor, "scheme:manage");
  const regions = await db.region.findMany({ where: regionsInScope(actor), select: { code: true, name: true } });
  const names = new Map(regions.map((r) => [r.code, r.name]));
  const drafts = await db.schemeDraft.findMany({ where: { regionCode: { in: [...names.keys()] } }, orderBy: { updatedAt: "desc" }, take: 200 });
  return drafts.map((d) => ({ ...d, regionName: names.get(d.regionCode) ?? d.regionCode, header: draftHeader(d.definition) }));
}

/** Title, code and year of a draft for lists, read leniently: a draft may be half written. */
export function draftHeader(definition: string): { title: string; code: string; year: number | null } {
  const json = parseDraft(definition) as { title?: unknown; code?: unknown; year?: unknown };
  return {
    title: typeof json.title === "string" && json.title ? json.title : "（未命名方案）",
    code: typeof json.code === "string" ? json.code : "",
    year: typeof json.year === "number" ? json.year : null,
  };
}

export function parseDraft(definition: string): Record<string, unknown> {
  try {
    const json: unknown = JSON.parse(definition);
    return json && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Starts a draft owned by the actor's region from any published or shipped scheme (new year, other province). */
export async function copySchemeToDraft(db: Db, actor: Actor, input: TDraftCopy) {
  requirePermission(actor, "scheme:manage");
  const source = await getSchemeRow(db, input.schemeId);
  const id = randomUUID();
  return db.$transaction(async (tx) => {
    const draft = await tx.schemeDraft.create({
      data: { id, regionCode: actor.region.code, basedOnId: source.id, definition: source.definition, createdBy: actor.userId },
    });
    await audit(tx, actor.userId, "scheme.draft.create", { type: "scheme", id }, { from: source.id, code: source.code, version: source.version });
    return draft;
  });
}

/** Saves the whole definition; a save against an older version of the draft is a conflict, never an overwrite. */
export async function saveDraft(db: Db, actor: Actor, input: TDraftSave) {
  await getDraftAccess(db, actor, input.id);
  const definition = JSON.stringify(input.definition);
  if (definition.length > SCHEME_MAX_BYTES) throw new SchemeValidationError([{ path: "", message: "评价方案过大：不能超过 512 KB" }]);
  return db.$transaction(async (tx) => {
    const { count } = await tx.schemeDraft.updateMany({
      where: { id: input.id, version: input.baseVersion, publishedSchemeId: null },
      data: { definition, version: { increment: 1 } },
    });
    if (count !== 1) throw await staleOrPublished(tx, input.id);
    await audit(tx, actor.userId, "scheme.draft.save", { type: "scheme", id: input.id }, { version: input.baseVersion + 1 });
    return { version: input.baseVersion + 1 };
  });
}

async function staleOrPublished(tx: Pick<Db, "schemeDraft">, id: string) {
  const now = await tx.schemeDraft.findUnique({ where: { id } });
  if (now?.publishedSchemeId) return conflict("该方案草稿已发布，发布后的版本不能修改；请复制它另起新草稿");
  return conflict("该方案草稿已被他人修改，请刷新后再改");
}

export async function deleteDraft(db: Db, actor: Actor, id: string) {
  const draft = await getDraftAccess(db, actor, id);
  if (draft.publishedSchemeId) throw conflict("已发布的草稿不能删除");
  await db.$transaction(async (tx) => {
    await tx.schemeDraft.delete({ where: { id } });
    await audit(tx, actor.userId, "scheme.draft.delete", { type: "scheme", id }, { title: draftHeader(draft.definition).title });
  });
}

const RUNNING = (Object.keys(REPORT_STATUSES) as ReportStatus[]).filter((s) => s !== "accepted");

/**
 * What publishing would do: the validation errors (nothing can be published while there are any), the version it
 * would get, the change list against the scheme it was copied from, and the reports concerned. Reports keep their
 * version, so no running report changes on publishing (`affected` is always 0 until counties copy forward onto the
 * new version); `runningOnSource` says how many in the actor's reach run on the version it replaces.
 */
export async function publishPreview(db: Db, actor: Actor, id: string) {
  const draft = await getDraftAccess(db, actor, id, "scheme:publish");
  const result = validateScheme(parseDraft(draft.definition));
  if (!result.ok) return { ok: false as const, errors: result.errors };
  const scheme = result.scheme;
  await assertMayContinueCode(db, actor, scheme.code);
  const source = draft.basedOnId ? await db.scheme.findUnique({ where: { id: draft.basedOnId } }) : null;
  const changes = source ? diffSchemes(schemeOf(source), scheme) : [];
  const runningOnSource = source
    ? await db.report.count({ where: { schemeId: source.id, status: { in: RUNNING }, county: regionsInScope(actor) } })
    : 0;
  const latest = await db.scheme.findFirst({ where: { code: scheme.code }, orderBy: { version: "desc" } });
  return {
    ok: true as const,
    version: (latest?.version ?? 0) + 1,
    source: source ? { id: source.id, title: source.title, code: source.code, version: source.version } : null,
    changes,
    runningOnSource,
    affected: 0,
  };
}

/**
 * A code's versions belong to whoever published its first version: a region in the actor's reach, or — for a
 * shipped scheme (no region) — a province-level actor. Otherwise a city could publish "version 3" of its
 * province's scheme simply by keeping the code of the copy.
 */
async function assertMayContinueCode(db: Db, actor: Actor, code: string) {
  const first = await db.scheme.findFirst({ where: { code }, orderBy: { version: "asc" } });
  if (!first) return;
  const owner = first.regionCode ? await db.region.findUnique({ where: { code: first.regionCode } }) : null;
  const mine = owner ? reachesPath(actor, owner.path) : actor.region.level === "province";
  if (!mine) {
    throw new SchemeValidationError([{ path: "code", message: `方案代号 ${code} 属于${owner?.name ?? "系统内置方案"}，您不能发布它的新版本；请为您的方案另起代号` }]);
  }
}

/** Validates and publishes: a new Scheme row (the next version of its code), the draft marked published, audited. */
export async function publishDraft(db: Db, actor: Actor, input: TDraftPublish) {
  const draft = await getDraftAccess(db, actor, input.id, "scheme:publish");
  if (draft.publishedSchemeId) throw conflict("该方案草稿已发布");
  const json = parseDraft(draft.definition);
  const result = validateScheme(json);
  if (!result.ok) throw new SchemeValidationError(result.errors, json);
  await assertMayContinueCode(db, actor, result.scheme.code);
  return db.$transaction(async (tx) => {
    // Checked again inside the transaction: a save or another publish in between makes this one stale.
    const claimed = await tx.schemeDraft.updateMany({ where: { id: draft.id, version: input.baseVersion, publishedSchemeId: null }, data: { version: { increment: 1 } } });
    if (claimed.count !== 1) throw await staleOrPublished(tx, draft.id);
    const latest = await tx.scheme.findFirst({ where: { code: result.scheme.code }, orderBy: { version: "desc" } });
    const scheme = { ...result.scheme, version: (latest?.version ?? 0) + 1 };
    const row = await tx.scheme.create({
      data: {
        id: randomUUID(),
        code: scheme.code,
        version: scheme.version,
        title: scheme.title,
        year: scheme.year,
        definition: JSON.stringify(scheme),
        createdBy: actor.userId,
        regionCode: draft.regionCode,
        basedOnId: draft.basedOnId,
      },
    });
    await tx.schemeDraft.update({ where: { id: draft.id }, data: { publishedSchemeId: row.id } });
    await audit(tx, actor.userId, "scheme.publish", { type: "scheme", id: row.id }, { draft: draft.id, code: row.code, version: row.version, basedOn: draft.basedOnId });
    return row;
  });
}
