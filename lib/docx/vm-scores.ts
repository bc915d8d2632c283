// The 自评得分表 annex and the score lines of the text, from the score sheet the editor shows (lib/report/scores.ts):
// every item with its 满分, 自评得分 and 评分依据, subtotals per group, the total after veto effects, the grade, and
// the scheme's graded results. Present only for scored schemes (or schemes with graded results).
import type { ResultView } from "@/lib/report/results";
import { scoreText, type ScoreSheet } from "@/lib/report/scores";
import type { TScheme } from "@/lib/template/schema";
import { groupLabel } from "@/lib/template/numbering";
import { singleLine } from "@/lib/docx/text";
import type { AnnexView } from "@/lib/docx/types";

export const SCORE_ANNEX_TITLE = "自评得分表";

/** One table row: an item, a group subtotal or the total. */
export type ScoreAnnexRow = { kind: "item" | "subtotal" | "total"; item: string; max: string; score: string; basis: string };

export type ScoreAnnex = AnnexView<ScoreAnnexRow> & {
  /** Lines under the table: grade, veto effects, graded results. */
  notes: string[];
};

export function scoreAnnex(scheme: TScheme, sheet: ScoreSheet | null, results: ResultView[], label: string): ScoreAnnex | undefined {
  if (!sheet && !results.length) return undefined;
  const rows: ScoreAnnexRow[] = [];
  if (sheet) {
    const item = (i: ScoreSheet["items"][number]): ScoreAnnexRow => ({
      kind: "item",
      item: singleLine(i.heading),
      max: scoreText(i.max),
      score: i.score ? scoreText(i.score) : "未评分",
      basis: singleLine([i.note, i.basis].filter(Boolean).join("；")),
    });
    const grouped = scheme.numbering === "grouped" && sheet.groups.length;
    if (grouped) {
      sheet.groups.forEach((g, gi) => {
        for (const i of sheet.items.filter((x) => x.groupCode === g.code)) rows.push(item(i));
        // A group without declared points shows none, as in the editor: the items that survive need not add up to it.
        rows.push({ kind: "subtotal", item: `${groupLabel(gi)}${singleLine(g.title)} 小计`, max: g.max === null ? "—" : scoreText(g.max), score: scoreText(g.sum), basis: g.complete ? "" : "尚有未评分的项目" });
      });
    } else rows.push(...sheet.items.map(item));
    const zero = sheet.effects.some((e) => e.effect === "zeroScore");
    const basis = zero ? `存在一票否决情形，总分计为 0 分（各项合计 ${scoreText(sheet.sum)} 分）` : sheet.complete ? "" : `尚有 ${sheet.open} 项未评分`;
    rows.push({ kind: "total", item: "合计", max: scoreText(sheet.max), score: scoreText(sheet.total), basis });
  }
  return { label, title: SCORE_ANNEX_TITLE, rows, notes: notesOf(scheme, sheet, results) };
}

function notesOf(scheme: TScheme, sheet: ScoreSheet | null, results: ResultView[]): string[] {
  const notes: string[] = [];
  const grades = new Map((scheme.scoring?.grades ?? []).map((g) => [g.key, g.label]));
  if (sheet) {
    if (sheet.grade) notes.push(`自评等次：${sheet.grade.label}。`);
    else if (scheme.scoring?.grades.length) notes.push(sheet.pendingVetoes ? "自评等次：待一票否决事项作答后确定。" : "自评等次：待全部项目评分后确定。");
    for (const e of sheet.effects) {
      const what = e.effect === "zeroScore" ? "总分计为 0 分" : e.effect === "capGrade" ? `等次最高为${grades.get(e.grade ?? "") ?? e.grade}` : `等次定为${grades.get(e.grade ?? "") ?? e.grade}`;
      notes.push(`“${singleLine(e.question)}”回答为“是”，按方案规定${what}。`);
    }
  }
  for (const r of results) notes.push(`${singleLine(r.title)}：${r.decided ? r.label : `待定（数据不完整，最高可达“${r.best}”）`}。`);
  return notes;
}

/** The line under a scored item's heading in the text: "（分值2分，自评得分1.8分）". */
export function itemScoreLine(sheet: ScoreSheet | null, code: string): string | null {
  const item = sheet?.items.find((i) => i.code === code);
  if (!item) return null;
  return `（分值${scoreText(item.max)}分，自评得分${item.score ? `${scoreText(item.score)}分` : "未评"}）`;
}
