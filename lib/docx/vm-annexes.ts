// The two annex tables: 指标自评表 (every indicator with its value, target and verdict, from the same computation the
// editor shows) and 问题整改清单 (one row per measure, so lead unit, owner and deadline stay with their measure).
import { statusLabel } from "@/lib/indicators/format";
import { styleOf } from "@/lib/indicators/display";
import { targetLabel } from "@/lib/indicators/targets";
import type { ComputedFigures } from "@/lib/indicators/types";
import type { SectionDef } from "@/lib/report/sections";
import type { TProblemsContent } from "@/lib/report/content";
import { chineseDate } from "@/lib/docx/dates";
import { singleLine } from "@/lib/docx/text";
import type { AnnexView, IndicatorRow, ProblemRow } from "@/lib/docx/types";
import type { FigureText } from "@/lib/docx/vm-parts";
import { richToPlain } from "@/lib/report/rich-text";

export const INDICATOR_ANNEX_TITLE = "指标自评表";
export const PROBLEM_ANNEX_TITLE = "问题整改清单";

export function indicatorAnnex(sections: SectionDef[], computed: ComputedFigures, notes: string[] = []): AnnexView<IndicatorRow> {
  const rows = sections.flatMap((def) =>
    def.indicators.map((ind): IndicatorRow => {
      const result = computed.indicators[ind.key];
      return {
        criterion: singleLine(def.heading),
        indicator: singleLine(ind.label),
        value: result?.display ?? "未填写",
        target: ind.target ? targetLabel(ind.target, styleOf(ind)) : "—",
        status: result ? statusLabel(result.status) : "未填写",
      };
    }),
  );
  return { label: "附件1", title: INDICATOR_ANNEX_TITLE, rows, ...(notes.length ? { notes } : {}) };
}

export function problemAnnex(problems: TProblemsContent | undefined, figures: FigureText): AnnexView<ProblemRow> {
  const rows = (problems?.items ?? []).map(
    (p, i): ProblemRow => ({
      no: i + 1,
      problem: singleLine(p.title),
      measures: p.measures.map((m) => ({
        text: singleLine(richToPlain(m.text, figures)),
        leadUnit: singleLine(m.leadUnit),
        owner: singleLine(m.owner),
        deadline: chineseDate(m.deadline),
        status: m.status,
      })),
    }),
  );
  return { label: "附件2", title: PROBLEM_ANNEX_TITLE, rows };
}
