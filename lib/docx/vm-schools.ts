// The annexes of a per-school table (e.g. 优质均衡 资源配置): every school's derived indicators with its verdict, and
// the 差异系数 per 学段 × 指标 against the ceiling. Both come from evaluateSchoolTable, the function the editor shows
// while the county types, so the Word file prints exactly the numbers seen on screen.
import { evaluateSchoolTable, type TSchoolTableContent } from "@/lib/schools";
import type { SectionContent } from "@/lib/report/content";
import type { SectionDef } from "@/lib/report/sections";
import { singleLine } from "@/lib/docx/text";
import type { AnnexView } from "@/lib/docx/types";

export type SchoolAnnexRow = { no: number; name: string; stage: string; pupils: string; values: string[]; met: string; status: string };
export type CvAnnexRow = { stage: string; indicator: string; schools: string; pupils: string; mean: string; cv: string; max: string; status: string };
export type SchoolTableAnnexes = {
  /** Indicator headers with unit, in scheme order: the columns of `schools`. */
  indicators: string[];
  schools: AnnexView<SchoolAnnexRow>;
  cvs: AnnexView<CvAnnexRow>;
  /** One sentence under the CV table: the overall result. */
  verdict: string;
};

const SCHOOL_STATUS = { pass: "达标", fail: "未达标", excluded: "不计入", incomplete: "数据不全" } as const;
const CV_STATUS = { met: "达标", unmet: "未达标", missing: "无法计算", none: "—" } as const;
/** Marks a value below its standard in the school table; explained in the note under it. */
export const BELOW_MARK = "*";

/** Annexes for every per-school table of the report, numbered on from `firstNumber` (附件3 after the two fixed ones). */
export function schoolTableAnnexes(sections: SectionDef[], contents: Record<string, SectionContent | undefined>, firstNumber: number): SchoolTableAnnexes[] {
  return sections
    .filter((def) => def.kind === "schoolTable" && def.table)
    .map((def, i) => {
      const table = def.table!;
      const rows = (contents[def.key] as TSchoolTableContent | undefined)?.rows ?? [];
      const result = evaluateSchoolTable(table, rows);
      const stageLabel = new Map(table.stages.map((s) => [s.key, s.label]));
      const precision = new Map(table.indicators.map((d) => [d.key, d.precision]));
      const title = singleLine(table.title);
      const schools = result.schools.map(
        (s, k): SchoolAnnexRow => ({
          no: k + 1,
          name: singleLine(rows[s.index].name) || "（未填写校名）",
          stage: stageLabel.get(s.stage) ?? s.stage,
          pupils: String(rows[s.index].values[table.enrolment] ?? "—"),
          // Each column prints its indicator's display format in full ("12.50", not "12.5"), so the digits line up.
          values: s.indicators.map((r, j) => (r.value === null ? "—" : `${trimUnit(r.display, table.indicators[j].unit)}${r.status === "met" ? "" : BELOW_MARK}`)),
          met: s.status === "pass" || s.status === "fail" ? `${s.metCount}/${table.indicators.filter((d) => d.role === "counted").length}` : "—",
          status: SCHOOL_STATUS[s.status],
        }),
      );
      const cvs = result.cvs.map(
        (c): CvAnnexRow => ({
          stage: c.stageLabel,
          indicator: singleLine(c.label),
          schools: String(c.schools),
          pupils: String(c.pupils),
          mean: c.meanDisplay === null ? "—" : fixedDecimals(c.meanDisplay, precision.get(c.indicator) ?? 0),
          cv: c.display,
          max: c.max.toFixed(2),
          status: CV_STATUS[c.status],
        }),
      );
      const failed = result.schools.filter((s) => s.status === "fail").length;
      const unmet = result.cvs.filter((c) => c.status === "unmet").length;
      const verdict =
        result.passed === true
          ? `结论：${result.schools.length} 所（个学段）学校资源配置均达到要求，各项差异系数均不高于上限，资源配置达标。`
          : result.passed === false
            ? `结论：资源配置未达标（${[failed ? `${failed} 所学校未达标` : "", unmet ? `${unmet} 项差异系数高于上限` : ""].filter(Boolean).join("，")}）。`
            : "结论：数据尚不完整，暂不能判定。";
      return {
        indicators: table.indicators.map((d) => (d.unit ? `${d.label}（${d.unit}）` : d.label)),
        schools: { label: `附件${firstNumber + 2 * i}`, title, rows: schools },
        cvs: { label: `附件${firstNumber + 2 * i + 1}`, title: `${title}差异系数计算结果`, rows: cvs },
        verdict,
      };
    });
}

/** "9.2㎡" → "9.20㎡" at precision 2: the number's decimals padded, its unit kept. */
function fixedDecimals(display: string, places: number): string {
  const m = /^(-?\d+)(?:\.(\d+))?(.*)$/.exec(display);
  if (!m || places === 0) return display;
  return `${m[1]}.${(m[2] ?? "").padEnd(places, "0")}${m[3]}`;
}

/** "9.20㎡" under a header "生均校舍面积（㎡）" → "9.20": the header carries the unit. */
const trimUnit = (display: string, unit: string) => (unit && display.endsWith(unit) ? display.slice(0, -unit.length) : display);
