// zod's own messages in plain Chinese. zod's zh-CN locale still leaves English and internals in what a person
// reads — "无效输入：期望 object，实际接收 undefined", "数值过小：期望 number >=1", "record 中的键(key)无效" —
// and those reach a scheme's owner on the upload page and a county's writer in a form. This map says what was
// expected and what was found in words ("应为数字，现为文字", "缺少此项（应为列表）", "不能小于 1"); anything it
// does not cover falls back to zh-CN. Schemas that give their own message keep it.
import { z } from "zod";

type Issue = z.core.$ZodRawIssue;

/** What a value of each zod type is called. */
const TYPES: Readonly<Record<string, string>> = {
  string: "文字",
  number: "数字",
  int: "整数",
  bigint: "整数",
  boolean: "是或否（true 或 false）",
  object: "对象（{…}）",
  record: "对象（{…}）",
  map: "对象（{…}）",
  array: "列表（[…]）",
  tuple: "列表（[…]）",
  set: "列表（[…]）",
  date: "日期",
  file: "文件",
  null: "空值（null）",
  undefined: "未填写",
  nan: "非数字（NaN）",
  symbol: "符号",
  function: "函数",
  literal: "指定的值",
};

const own = (table: Readonly<Record<string, string>>, key: string): string | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);
const typeName = (t: string) => own(TYPES, t) ?? "其他类型的值";

/** The kind of value found, as zod classifies it ("array", "null", "nan", …). */
function foundType(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  if (typeof input === "number") return Number.isNaN(input) ? "nan" : Number.isInteger(input) ? "int" : "number";
  return typeof input;
}

function invalidType(expected: string, input: unknown): string {
  if (input === undefined) return `缺少此项（应为${typeName(expected)}）`;
  const found = foundType(input);
  // "应为整数，现为数字" would read as a contradiction; a fraction is what is wrong.
  if (expected === "int" && found === "number") return "应为整数，不能有小数";
  return `应为${typeName(expected)}，现为${typeName(found === "int" ? "number" : found)}`;
}

const bound = (value: number | bigint | Date) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

function sizeMessage(issue: { origin?: string; inclusive?: boolean; exact?: boolean }, n: string, small: boolean): string {
  switch (issue.origin) {
    case "array":
    case "set":
      if (issue.exact) return `应恰好有 ${n} 项`;
      return small ? (n === "1" ? "至少需要一项" : `至少需要 ${n} 项`) : `最多 ${n} 项`;
    case "string":
      if (issue.exact) return `应恰好为 ${n} 个字符`;
      return small ? (n === "1" ? "不能为空" : `至少 ${n} 个字符`) : `最多 ${n} 个字符`;
    case "file":
      return small ? `文件不能小于 ${n} 字节` : `文件不能超过 ${n} 字节`;
    case "date":
      return small ? `不能早于 ${n}` : `不能晚于 ${n}`;
    default:
      if (small) return issue.inclusive ? `不能小于 ${n}` : `应大于 ${n}`;
      return issue.inclusive ? `不能大于 ${n}` : `应小于 ${n}`;
  }
}

const shown = (v: unknown) => (typeof v === "string" ? `“${v}”` : String(v));

/** "a、b 或 c" */
function either(values: readonly unknown[]): string {
  const items = values.map(shown);
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join("、")} 或 ${items[items.length - 1]}`;
}

const FORMATS: Readonly<Record<string, string>> = {
  email: "电子邮件地址",
  url: "网址",
  uuid: "编号（UUID）",
  datetime: "日期时间",
  date: "日期",
  time: "时间",
};

export function chineseMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return invalidType(issue.expected, issue.input);
    case "too_small":
      return sizeMessage(issue, bound(issue.minimum), true);
    case "too_big":
      return sizeMessage(issue, bound(issue.maximum), false);
    case "invalid_value":
      return issue.values.length === 1 ? `应为 ${shown(issue.values[0])}` : `只能是 ${either(issue.values)}`;
    case "invalid_format": {
      if (issue.format === "regex") return "格式不正确";
      const what = own(FORMATS, issue.format);
      return what ? `应为有效的${what}` : "格式不正确";
    }
    case "not_multiple_of":
      return `应为 ${bound(issue.divisor)} 的整数倍`;
    case "unrecognized_keys":
      return `未知的键${issue.keys.map((k) => `「${k}」`).join("、")}`;
    case "invalid_key":
      return "有无效的键名";
    case "invalid_element":
      return "有无效的值";
    case "invalid_union":
      return "不符合任何一种允许的写法";
    case "custom":
      return "输入有误";
    default:
      return undefined;
  }
}

const fallback = z.locales.zhCN().localeError;

/** zod's locale: these messages first, zh-CN for the rest. */
export const chineseLocale = (): { localeError: z.core.$ZodErrorMap } => ({
  localeError: (issue) => chineseMessage(issue) ?? fallback?.(issue),
});
