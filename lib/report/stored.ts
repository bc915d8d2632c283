// Stored section content read back: the JSON text of a ReportSection or SectionRevision row, checked against the
// section kind's zod schema (lib/report/content.ts) before anything uses it. A row that does not decode is
// reported where it is found — which section, what is wrong — instead of failing far from its cause. Rows saved in
// an older content format are brought up to the current one first (lib/report/migrate.ts); the row itself is
// left as it was saved.
import { AppError } from "@/lib/errors";
import { SECTION_CONTENT, type SectionContent } from "@/lib/report/content";
import { NewerContentFormat, migrateSectionContent } from "@/lib/report/migrate";
import type { SectionDef } from "@/lib/report/sections";

/** The content of `def` stored as `json`; a CORRUPT_DATA error naming the section when it does not decode. */
export function decodeSection(def: Pick<SectionDef, "kind" | "heading" | "key">, json: string, where = "已保存的内容"): SectionContent {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw corrupt(def, where, "不是有效的 JSON");
  }
  try {
    raw = migrateSectionContent(def.kind, raw);
  } catch (error) {
    if (error instanceof NewerContentFormat) throw corrupt(def, where, `${error.message}，请升级系统后再打开`);
    throw error;
  }
  const parsed = SECTION_CONTENT[def.kind].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw corrupt(def, where, `${issue.path.join(".") || "内容"}：${issue.message}`);
  }
  return parsed.data;
}

function corrupt(def: Pick<SectionDef, "heading" | "key">, where: string, detail: string) {
  return new AppError(
    "CORRUPT_DATA",
    `「${def.heading}」${where}无法读取（${detail}）。请联系系统管理员；可在“历史版本”中查看和恢复较早的版本。`,
  );
}
