// Scheme errors for the people who fix them: "第 5 项评价重点「学前教育」的第 1 个指标「毛入园率」的公式的类型（op）"
// instead of "criteria[4].indicators[0].formula.op", with the value found there repeated, and an unknown key named
// together with the valid key it most likely means.
import type { SchemeError } from "@/lib/template/scheme-errors";

/** List fields: how one element is counted ("第 N 项评价重点") and which field names it. */
const LISTS: Record<string, { noun: string; title?: string }> = {
  parts: { noun: "个部分", title: "title" },
  criteria: { noun: "项评价重点", title: "title" },
  groups: { noun: "个分组", title: "title" },
  tables: { noun: "张学校表格", title: "title" },
  vetoes: { noun: "个一票否决事项", title: "question" },
  results: { noun: "个评价结果", title: "title" },
  levels: { noun: "个等级", title: "label" },
  grades: { noun: "个等次", title: "label" },
  inputs: { noun: "项数据", title: "label" },
  indicators: { noun: "个指标", title: "label" },
  checks: { noun: "项核对", title: "label" },
  subpoints: { noun: "个要点", title: "title" },
  columns: { noun: "列", title: "label" },
  stages: { noun: "个学段", title: "label" },
  schoolTypes: { noun: "种学校类型", title: "label" },
  attributes: { noun: "个学校属性", title: "label" },
  options: { noun: "个选项", title: "label" },
  variants: { noun: "个标准变体" },
  matrices: { noun: "个按学段填报的数据表", title: "title" },
  source: { noun: "个来源", title: "title" },
  allOf: { noun: "个条件" },
  anyOf: { noun: "个条件" },
  noneOf: { noun: "个条件" },
  of: { noun: "个条件" },
  terms: { noun: "项" },
};

/** Readable names of common fields; others are shown as they are spelt. */
const FIELDS: Record<string, string> = {
  formula: "公式",
  target: "目标",
  op: "类型（op）",
  key: "键名（key）",
  code: "代码（code）",
  label: "名称（label）",
  title: "标题（title）",
  kind: "类型（kind）",
  unit: "单位（unit）",
  maxScore: "分值（maxScore）",
  scoring: "计分规则（scoring）",
  total: "总分（total）",
  step: "计分步长（step）",
  ordinal: "序号（ordinal）",
  precision: "小数位数（precision）",
  format: "显示格式（format）",
  standards: "标准值（standards）",
  rules: "达标规则（rules）",
  when: "条件（when）",
  notice: "通知",
  review: "审核设置",
  version: "版本号（version）",
  year: "年份（year）",
  level: "层级（level）",
  numbering: "编号方式（numbering）",
  scoreRule: "计分规则（scoreRule）",
  grade: "等次（grade）",
  effect: "否决效果（effect）",
  stated: "直接填写结果（stated）",
  hint: "填写提示（hint）",
  min: "最小值（min）",
  max: "最大值（max）",
  required: "是否必填（required）",
  aliases: "其他说法（aliases）",
  rounding: "取整方式（rounding）",
};

/** Own entries only: a key such as "valueOf" must not find Object.prototype's. */
const own = <T>(table: Record<string, T>, key: string | number): T | undefined => (Object.hasOwn(table, String(key)) ? table[String(key)] : undefined);

function segments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

const titleOf = (node: unknown, field?: string): string | null => {
  if (!field || !node || typeof node !== "object") return null;
  const v = (node as Record<string, unknown>)[field];
  return typeof v === "string" && v.trim() ? v.trim().slice(0, 30) : null;
};

/** "第 5 项评价重点「学前教育」的第 1 个指标「毛入园率」的公式的类型（op）"; "（根）" for the whole document. */
export function describeLocation(json: unknown, path: string): string {
  const parts = segments(path);
  const words: string[] = [];
  let node: unknown = json;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[part] : undefined;
    if (typeof part === "number") {
      const list = own(LISTS, String(parts[i - 1])) ?? { noun: "项" };
      const title = titleOf(next, list.title);
      // The list's own field name was skipped below, so the element says what it is.
      words.push(`第 ${part + 1} ${list.noun}${title ? `「${title}」` : ""}`);
    } else if (!(own(LISTS, part) && typeof parts[i + 1] === "number")) {
      words.push(own(FIELDS, part) ?? `「${part}」`);
    }
    node = next;
  }
  return words.length ? words.join("的") : "（根）";
}

/** The value at `path`, when it is short enough to repeat in a message. */
export function valueAt(json: unknown, path: string): unknown {
  let node = json;
  for (const part of segments(path)) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

function shownValue(value: unknown): string | null {
  if (value === undefined) return null;
  if (value === null || typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "string") return value.length <= 40 ? JSON.stringify(value) : `${JSON.stringify(value.slice(0, 40))}…`;
  return null;
}

/** One line for a person: where, what is wrong, and what was found there ("现为 …") unless the message says it. */
export function describeSchemeError(json: unknown, error: SchemeError): string {
  const where = describeLocation(json, error.path);
  const found = error.path ? shownValue(valueAt(json, error.path)) : null;
  const repeat = found && !error.message.includes(found) && !error.message.includes(found.slice(1, -1)) ? `（现为 ${found}）` : "";
  return `${where}：${error.message}${repeat}${error.path ? `〔${error.path}〕` : ""}`;
}

/** Names a misspelt or invented key may stand for, beyond spelling (what people coming from other tools write). */
const ALIASES: Record<string, string> = {
  totalScore: "scoring.total",
  fullScore: "maxScore",
  score: "maxScore",
  points: "maxScore",
  weight: "maxScore",
  threshold: "target",
  goal: "target",
  name: "label",
  decimals: "precision",
  items: "criteria",
};

/** Levenshtein distance, small strings only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** The valid key `key` most likely means, or null when none is close. */
export function nearestKey(key: string, allowed: readonly string[]): string | null {
  const alias = own(ALIASES, key);
  if (alias && allowed.includes(alias.split(".")[0])) return alias;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = distance(key, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}

/** The message for keys an object does not allow, naming the nearest valid key of each. */
export function unknownKeyMessage(keys: readonly string[], allowed: readonly string[] | null): string {
  return keys
    .map((key) => {
      const near = allowed ? nearestKey(key, allowed) : null;
      return `未知的键「${key}」${near ? `，是否应为「${near}」？` : allowed ? `（可用的键：${allowed.join("、")}）` : ""}`;
    })
    .join("；");
}
