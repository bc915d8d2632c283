// The change list between two versions of a scheme (decision 030): what a 督导室 sees before publishing, and what an
// Excel upload changes compared with the draft. Pure and universal. Nodes are matched by their code/key, not by
// position, so moving an item is one "changed" entry (its 序号) and not a removal plus an addition. A target is
// reported on its own, so changing only a target names exactly that target.
import type { TCriterion, TIndicator, TScheme } from "@/lib/template/schema";

export type TSchemeChange = {
  kind: "added" | "removed" | "changed";
  /** What changed: 方案, 部分, 分组, 评价重点, 细项, 数据项, 指标, 目标, 逐校表, 一票否决. */
  what: string;
  /** Where, as a person reads it: "评价重点 3「…」 · 指标「…」". */
  where: string;
  /** For a changed node: the fields that differ, or "目标：≥ 95 → ≥ 90" for a target. */
  detail?: string;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function byKey<T>(list: readonly T[], keyOf: (t: T) => string) {
  return new Map(list.map((t) => [keyOf(t), t]));
}

/** Added, removed and changed entries of two keyed lists; `compare` describes one kept node's changes. */
function diffList<T>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (t: T) => string,
  what: string,
  where: (t: T) => string,
  compare: (a: T, b: T) => TSchemeChange[],
): TSchemeChange[] {
  const old = byKey(before, keyOf);
  const now = byKey(after, keyOf);
  const out: TSchemeChange[] = [];
  for (const t of after) {
    const prev = old.get(keyOf(t));
    if (!prev) out.push({ kind: "added", what, where: where(t) });
    else out.push(...compare(prev, t));
  }
  for (const t of before) if (!now.has(keyOf(t))) out.push({ kind: "removed", what, where: where(t) });
  return out;
}

/** One "changed" entry naming the differing fields, leaving out `skip` (compared separately). */
function fieldChange(what: string, where: string, a: object, b: object, labels: Record<string, string>, skip: string[] = []): TSchemeChange[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const fields = [...keys].filter((k) => !skip.includes(k) && !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  if (fields.length === 0) return [];
  return [{ kind: "changed", what, where, detail: fields.map((k) => labels[k] ?? k).join("、") }];
}

const TARGET_TEXT: Record<string, (t: Record<string, unknown>) => string> = {
  ">=": (t) => `≥ ${t.value}`,
  "<=": (t) => `≤ ${t.value}`,
  "=": (t) => `= ${t.value}`,
  between: (t) => `${t.min} ~ ${t.max}`,
  yes: () => "为“是”",
};
export function targetText(target: TIndicator["target"]): string {
  if (!target) return "无目标";
  const t = target as Record<string, unknown>;
  return TARGET_TEXT[String(t.op)]?.(t) ?? JSON.stringify(target);
}

const FIELD_LABELS: Record<string, string> = {
  title: "标题",
  guidance: "评价要点",
  ordinal: "序号",
  maxScore: "分值",
  label: "名称",
  unit: "单位",
  kind: "类型",
  min: "最小值",
  max: "最大值",
  required: "必填",
  hint: "填写提示",
  aliases: "别称",
  precision: "小数位数",
  formula: "公式",
  format: "显示格式",
  rounding: "取整方式",
  stated: "直接填写结果",
  scoreRule: "计分规则",
  shows: "展示的指标",
  table: "逐校表",
  checks: "核对",
  matrices: "按学段数据",
  question: "问题",
  effect: "效果",
  source: "依据",
  criteria: "包含的评价重点",
  code: "代号",
  year: "年度",
  province: "省份",
  level: "层级",
  notice: "评价通知",
  review: "审核层级",
  detailTitle: "自查情况标题",
  numbering: "编号方式",
  report: "报告主题",
  scoring: "计分",
  results: "分级结论",
};

function diffIndicators(at: string, a: readonly TIndicator[], b: readonly TIndicator[]): TSchemeChange[] {
  const where = (i: TIndicator) => `${at} · 指标「${i.label}」`;
  return diffList(a, b, (i) => i.key, "指标", where, (x, y) => {
    const out = fieldChange("指标", where(y), x, y, FIELD_LABELS, ["target"]);
    if (!same(x.target, y.target)) {
      out.push({ kind: "changed", what: "目标", where: where(y), detail: `目标：${targetText(x.target)} → ${targetText(y.target)}` });
    }
    return out;
  });
}

function diffCriterion(a: TCriterion, b: TCriterion): TSchemeChange[] {
  const at = `评价重点 ${b.ordinal}「${b.title}」`;
  return [
    ...fieldChange("评价重点", at, a, b, FIELD_LABELS, ["subpoints", "inputs", "indicators"]),
    ...diffList(a.subpoints, b.subpoints, (s) => s.code, "细项", (s) => `${at} · 细项「${s.title}」`, (x, y) =>
      fieldChange("细项", `${at} · 细项「${y.title}」`, x, y, FIELD_LABELS),
    ),
    ...diffList(a.inputs, b.inputs, (i) => i.key, "数据项", (i) => `${at} · 数据项「${i.label}」`, (x, y) =>
      fieldChange("数据项", `${at} · 数据项「${y.label}」`, x, y, FIELD_LABELS),
    ),
    ...diffIndicators(at, a.indicators, b.indicators),
  ];
}

const HEADER_SKIP = ["parts", "criteria", "groups", "tables", "vetoes", "version", "source", "guidance"];

/** Every difference from `before` to `after`, scheme header first, then parts, groups, items, tables and vetoes. */
export function diffSchemes(before: TScheme, after: TScheme): TSchemeChange[] {
  const partWhere = (p: { title: string }) => `部分「${p.title}」`;
  return [
    ...fieldChange("方案", "方案", before, after, FIELD_LABELS, HEADER_SKIP),
    ...(same(before.guidance, after.guidance) && same(before.source, after.source)
      ? []
      : [{ kind: "changed" as const, what: "方案", where: "方案", detail: "说明与依据" }]),
    ...diffList(before.parts, after.parts, (p) => p.key, "部分", partWhere, (x, y) => {
      const out = fieldChange("部分", partWhere(y), x, y, FIELD_LABELS, ["indicators"]);
      if (x.kind === "profile" && y.kind === "profile") out.push(...diffIndicators(partWhere(y), x.indicators, y.indicators));
      return out;
    }),
    ...diffList(before.groups, after.groups, (g) => g.code, "分组", (g) => `分组「${g.title}」`, (x, y) =>
      fieldChange("分组", `分组「${y.title}」`, x, y, FIELD_LABELS),
    ),
    ...diffList(before.criteria, after.criteria, (c) => c.code, "评价重点", (c) => `评价重点 ${c.ordinal}「${c.title}」`, diffCriterion),
    ...diffList(before.tables, after.tables, (t) => t.key, "逐校表", (t) => `逐校表「${t.title}」`, (x, y) =>
      same(x, y) ? [] : [{ kind: "changed", what: "逐校表", where: `逐校表「${y.title}」`, detail: changedKeys(x, y) }],
    ),
    ...diffList(before.vetoes, after.vetoes, (v) => v.key, "一票否决", (v) => `一票否决「${v.question}」`, (x, y) =>
      fieldChange("一票否决", `一票否决「${y.question}」`, x, y, FIELD_LABELS),
    ),
  ];
}

function changedKeys(a: object, b: object): string {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const labels: Record<string, string> = { columns: "列", indicators: "指标与标准", rules: "判定规则", schoolTypes: "学校类型", stages: "学段", attributes: "学校属性" };
  return [...keys]
    .filter((k) => !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    .map((k) => labels[k] ?? FIELD_LABELS[k] ?? k)
    .join("、");
}
