import "server-only";
// Last year's Word report into this year's: preview (nothing written) and apply. The preview reads the file and
// proposes a section for each piece (lib/word/split.ts); apply takes the pieces the county confirmed, appends each
// to its section's narrative field (what is already written stays, above it) and saves each section through the
// ordinary save (lib/report/server/save-section.ts: validation, the editable check, a revision, the derived columns).
// Every section's new content is validated before the first one is saved, so bad input writes nothing.
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { getReportAccess } from "@/lib/auth/server/guards";
import { audit } from "@/lib/audit/server";
import { conflict, invalid, isAppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { emptyContent, type SectionContent } from "@/lib/report/content";
import { isRichEmpty, type TRichText } from "@/lib/report/rich-text";
import { sectionByKey, type SectionDef } from "@/lib/report/sections";
import { isEditableStatus } from "@/lib/report/status";
import { NOT_EDITABLE } from "@/lib/report/server/editable";
import { loadSections } from "@/lib/report/server/repository";
import { parseSectionContent, saveSection } from "@/lib/report/server/save-section";
import { readBody } from "@/lib/word/docx-xml";
import { importTargets, splitByHeadings, type ImportPiece } from "@/lib/word/split";
import { ZApplyWordImport, type TApplyWordImport } from "@/lib/word/schemas";
import { readWordFile } from "@/lib/word/server/read-docx";

export const NO_HEADINGS = "文件中没有找到任何标题（如“一、基本情况”“（一）……”“1.……”），无法按部分拆分，未导入。请确认上传的是自评报告正文";

export type WordImportPreview = {
  pieces: ImportPiece[];
  targets: { key: string; heading: string; partHeading: string; hasText: boolean }[];
};

async function editableReport(db: Db, actor: Actor, reportId: string) {
  const report = await getReportAccess(db, actor, reportId, "report:edit");
  if (!isEditableStatus(report.status)) throw conflict(NOT_EDITABLE);
  return report;
}

/** The narrative field a piece of imported text goes into, per kind of section. */
function withAppended(def: SectionDef, content: SectionContent, blocks: TRichText): SectionContent {
  const join = (before: TRichText) => (isRichEmpty(before) ? blocks : [...before, ...blocks]);
  switch (def.kind) {
    case "meta":
      return { ...(content as Extract<SectionContent, { preamble: unknown }>), preamble: join((content as { preamble: TRichText }).preamble) };
    case "narrative":
      return { ...content, narrative: join((content as { narrative: TRichText }).narrative) } as SectionContent;
    case "problems":
    case "nextSteps":
      return { ...content, intro: join((content as { intro: TRichText }).intro) } as SectionContent;
    default:
      throw invalid(`“${def.heading}”不能导入正文，请选择其他部分`);
  }
}

export const narrativeOf = (def: SectionDef, content: SectionContent | undefined): TRichText | undefined => {
  if (!content) return undefined;
  if (def.kind === "meta") return (content as { preamble: TRichText }).preamble;
  if (def.kind === "narrative") return (content as { narrative: TRichText }).narrative;
  return (content as { intro?: TRichText }).intro;
};

export async function previewWordImport(db: Db, actor: Actor, reportId: string, bytes: Uint8Array): Promise<WordImportPreview> {
  const report = await editableReport(db, actor, reportId);
  const parts = await readWordFile(bytes);
  const pieces = splitByHeadings(readBody(parts.document).blocks, report.schemeDef);
  if (!pieces.length) throw invalid(NO_HEADINGS);
  const { contents } = await loadSections(db, report.schemeDef, report.id);
  const targets = importTargets(report.schemeDef).map((t) => {
    const def = sectionByKey(report.schemeDef, t.key)!;
    return { key: t.key, heading: t.heading, partHeading: t.partHeading, hasText: !isRichEmpty(narrativeOf(def, contents[t.key])) };
  });
  return { pieces, targets };
}

export async function applyWordImport(db: Db, actor: Actor, raw: TApplyWordImport): Promise<{ sections: { key: string; version: number }[] }> {
  const input = parseOrThrow(ZApplyWordImport, raw);
  const report = await editableReport(db, actor, input.reportId);
  const { contents, versions } = await loadSections(db, report.schemeDef, report.id);
  // Pieces for the same section go in together, in the order the file had them.
  const bySection = new Map<string, TRichText>();
  for (const piece of input.pieces) bySection.set(piece.sectionKey, [...(bySection.get(piece.sectionKey) ?? []), ...piece.blocks]);
  const planned: { def: SectionDef; content: SectionContent; baseVersion: number }[] = [];
  for (const [key, blocks] of bySection) {
    const def = sectionByKey(report.schemeDef, key);
    if (!def) throw invalid("报告中没有这一部分，请重新选择", { sectionKey: ["报告中没有这一部分"] });
    const content = withAppended(def, contents[key] ?? emptyContent[def.kind](), blocks);
    try {
      planned.push({ def, content: parseSectionContent(def, content), baseVersion: versions[key]?.version ?? 0 });
    } catch (error) {
      if (isAppError(error)) throw invalid(`“${def.heading}”${error.message}`, error.fieldErrors);
      throw error;
    }
  }
  const saved: { key: string; version: number }[] = [];
  for (const p of planned) {
    const outcome = await saveSection(db, actor, { reportId: report.id, key: p.def.key, baseVersion: p.baseVersion, content: p.content });
    if (!outcome.ok) {
      const done = saved.length ? `已导入 ${saved.length} 个部分；` : "";
      throw conflict(`${done}“${p.def.heading}”在导入时恰好被他人保存，未导入该部分及其后的部分，请刷新后重新导入`);
    }
    saved.push({ key: p.def.key, version: outcome.version });
  }
  await audit(db, actor.userId, "report.import-word", { type: "report", id: report.id }, { sections: saved.map((s) => s.key) });
  return { sections: saved };
}
