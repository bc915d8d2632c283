// Scores in the report's text: under each scored item's heading "（分值2分，自评得分1.8分）" (how scored reports write
// it, reference.md §5), and the total with the grade — and any graded results — at the top of the 自评得分 part, or
// after the preamble when the scheme has no such part. Applied to the finished part views, so the text builder
// itself knows nothing of scores.
import type { ResultView } from "@/lib/report/results";
import type { ScoreSheet } from "@/lib/report/scores";
import { criterionKey } from "@/lib/report/sections";
import type { TScheme } from "@/lib/template/schema";
import type { Block, PartView } from "@/lib/docx/types";
import { itemScoreLine } from "@/lib/docx/vm-scores";

export function withScores(scheme: TScheme, sheet: ScoreSheet | null, results: ResultView[], text: { preamble: string[]; parts: PartView[] }) {
  const summary = [
    ...(sheet ? [sheet.sentence] : []),
    ...results.map((r) => (r.decided ? `按方案规定，${r.title}为“${r.label}”。` : `${r.title}待数据填写完整后确定。`)),
  ];
  if (!summary.length) return text;
  const lines = new Map(sheet ? scheme.criteria.map((c) => [criterionKey(c.code), itemScoreLine(sheet, c.code)]) : []);
  const scorePart = scheme.parts.find((p) => p.kind === "selfScore")?.key;
  const parts = text.parts.map((part) => {
    const blocks: Block[] = part.blocks.flatMap((b) => {
      const line = b.kind === "heading" && b.sectionKey ? lines.get(b.sectionKey) : null;
      return line ? [b, { kind: "paragraph" as const, text: line }] : [b];
    });
    const lead: Block[] = scorePart && part.sectionKey === scorePart ? summary.map((t) => ({ kind: "paragraph", text: t })) : [];
    return { ...part, blocks: [...lead, ...blocks] };
  });
  return { preamble: scorePart ? text.preamble : [...text.preamble, ...summary], parts };
}
