// What a reviewer can 核定 on a report: every indicator (the county's computed value against its target) and, for a
// scored scheme, every scored item (the county's 自评得分 against its 满分). Built from the same evaluateReport the
// editor and the Word file use, so the 自评 column is exactly what the county's report prints. Universal.
import { statusLabel } from "@/lib/indicators/format";
import { styleOf } from "@/lib/indicators/display";
import { targetLabel } from "@/lib/indicators/targets";
import { evaluateReport, type SectionContents } from "@/lib/report/evaluate";
import { scoreText } from "@/lib/report/scores";
import type { TScheme } from "@/lib/template/schema";

export const ITEM_KINDS = { indicator: "指标", score: "得分" } as const;
export type ItemKind = keyof typeof ITEM_KINDS;

export type VerifiableItem = {
  kind: ItemKind;
  /** Indicator key or criterion code. */
  key: string;
  /** The 评价重点 it belongs to, as the report numbers it. */
  criterion: string;
  label: string;
  /** The county's own figure as the report prints it ("99.82%", "8.5"), "未填写" when missing. */
  countyValue: string;
  /** Target (indicators) or "满分 10 分" (scored items); "—" when none. */
  standard: string;
  /** 达标 / 未达标 / 未填写 / —, for indicators; "" for scored items. */
  status: string;
  unmet: boolean;
  /** Scored items: their 满分, the upper bound of a 核定得分. */
  max?: number;
};

export const itemId = (kind: ItemKind, key: string) => `${kind}:${key}`;

export function verifiableItems(scheme: TScheme, contents: SectionContents): VerifiableItem[] {
  const { defs, computed, scores } = evaluateReport(scheme, contents);
  const indicators = defs.flatMap((def) =>
    def.indicators.map((ind): VerifiableItem => {
      const r = computed.indicators[ind.key];
      return {
        kind: "indicator",
        key: ind.key,
        criterion: def.heading,
        label: ind.label,
        countyValue: r?.display ?? "未填写",
        standard: ind.target ? targetLabel(ind.target, styleOf(ind)) : "—",
        status: r ? statusLabel(r.status) : "未填写",
        unmet: r?.status === "unmet",
      };
    }),
  );
  const scored = (scores?.items ?? []).map(
    (item): VerifiableItem => ({
      kind: "score",
      key: item.code,
      criterion: item.heading,
      label: `${item.title}（得分）`,
      countyValue: item.score ? scoreText(item.score) : "未评分",
      standard: `满分 ${item.max} 分`,
      status: "",
      unmet: false,
      max: item.max,
    }),
  );
  return [...indicators, ...scored];
}
