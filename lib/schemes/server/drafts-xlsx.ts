import "server-only";
// The Excel round trip of a draft (decision 032): download a scheme or a draft as a 细则 workbook, upload one into a
// draft. The upload is checked with the drafts' own access (scheme:manage, region reach; 404 outside it) before a
// byte of the file is read by the caller's route, is all or nothing, and is saved version-checked by saveDraft;
// the answer carries the change list against the draft as it was before.
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { conflict, invalid } from "@/lib/errors";
import { diffSchemes, type TSchemeChange } from "@/lib/template/scheme-diff";
import { validateScheme } from "@/lib/template/validate-scheme";
import type { TScheme } from "@/lib/template/schema";
import { draftHeader, getDraftAccess, parseDraft, saveDraft } from "@/lib/schemes/server/drafts";
import { getSchemeRow, schemeOf } from "@/lib/schemes/server/service";
import { schemeToWorkbook, workbookToScheme, type TSheetError } from "@/lib/schemes/server/xlsx";

const INVALID_DRAFT = "草稿当前有错误，无法与 Excel 细则对照。请先在编辑器中改正标出的错误并保存，再下载或上传";

/** A draft's scheme, which must pass the validator: the workbook is read against a complete scheme. */
function validDraft(definition: string): TScheme {
  const result = validateScheme(parseDraft(definition));
  if (!result.ok) throw invalid(INVALID_DRAFT);
  return result.scheme;
}

/** A published or shipped scheme as a workbook. Any signed-in user, as its JSON download: a scheme is published policy. */
export async function schemeWorkbook(db: Db, id: string) {
  const row = await getSchemeRow(db, id);
  return { bytes: await schemeToWorkbook(schemeOf(row)), name: `${row.title}（第 ${row.version} 版）细则.xlsx` };
}

export async function draftWorkbook(db: Db, actor: Actor, id: string) {
  const draft = await getDraftAccess(db, actor, id);
  return { bytes: await schemeToWorkbook(validDraft(draft.definition)), name: `${draftHeader(draft.definition).title}（草稿）细则.xlsx` };
}

export type TDraftUpload = { ok: true; version: number; changes: TSchemeChange[]; definition: TScheme } | { ok: false; errors: TSheetError[] };

/** Reads the workbook against the draft; saves only when every row is right. */
export async function uploadDraftWorkbook(db: Db, actor: Actor, input: { id: string; baseVersion: number; bytes: Uint8Array }): Promise<TDraftUpload> {
  const draft = await getDraftAccess(db, actor, input.id);
  if (draft.publishedSchemeId) throw conflict("该方案草稿已发布，发布后的版本不能修改；请复制它另起新草稿");
  if (draft.version !== input.baseVersion) throw conflict("该方案草稿已被他人修改，请刷新后再上传");
  const before = validDraft(draft.definition);
  const read = await workbookToScheme(input.bytes, before);
  if (!read.ok) return read;
  const saved = await saveDraft(db, actor, { id: draft.id, baseVersion: input.baseVersion, definition: read.scheme });
  return { ok: true, version: saved.version, changes: diffSchemes(before, read.scheme), definition: read.scheme };
}
