// Scheme errors are read by the scheme's owner on the upload page, in Chinese: a message names a field by what it
// is, and lists the allowed values each with its meaning — "达标判断只能是 met（达标）或 unmet（未达标）". The value
// itself stays as written in the JSON so the owner can copy it. choices.test.ts checks every message in lib/template.

/** "a（甲）、b（乙）或 c（丙）" */
export function listChoices(choices: Readonly<Record<string, string>>): string {
  const items = Object.entries(choices).map(([value, meaning]) => `${value}（${meaning}）`);
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join("、")}或 ${items[items.length - 1]}`;
}

/** "<what>只能是 a（甲）或 b（乙）" */
export function onlyOneOf(what: string, choices: Readonly<Record<string, string>>): string {
  return `${what}只能是 ${listChoices(choices)}`;
}

/** "a（甲）、b（乙）、c（丙）" — for "可用的有：…". */
export function allChoices(choices: Readonly<Record<string, string>>): string {
  return Object.entries(choices).map(([value, meaning]) => `${value}（${meaning}）`).join("、");
}

export const FORMULA_OP_LABELS = {
  ratio: "比值",
  percent: "百分比",
  permille: "千分比",
  growth: "增长率",
  sum: "求和",
  average: "平均值",
  difference: "差值",
  value: "取值",
  yesno: "是/否",
  schools: "统计学校表格",
} as const;

export const TARGET_OP_LABELS = {
  ">=": "不低于",
  "<=": "不高于",
  "=": "等于",
  between: "在区间内",
  yes: "为“是”",
} as const;

export const FORMAT_KIND_LABELS = {
  number: "数值",
  percent: "百分比",
  permille: "千分比",
  ratio: "比例（1:N）",
  currency: "金额",
  count: "计数",
} as const;

export const CONDITION_KIND_LABELS = {
  indicator: "指标达标",
  schools: "学校达标比例",
  cv: "差异系数",
  table: "表格总体达标",
  veto: "否决事项",
  score: "总分",
  allOf: "全部满足",
  anyOf: "任一满足",
  noneOf: "均不满足",
  atLeast: "至少满足几项",
  not: "不满足",
} as const;

export const VETO_EFFECT_LABELS = {
  block: "不能提交",
  zeroScore: "总分记为 0",
  capGrade: "等次不高于指定等次",
  setGrade: "等次定为指定等次",
} as const;
