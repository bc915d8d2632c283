// Checks one figure as a county clerk types it. Chinese input methods often produce full-width digits and
// thousands separators ("１０，７３６"), so those are accepted; everything else must be a plain decimal number.
import type { TInput } from "@/lib/template/schema";

export type InputValueResult = { ok: true; value: number | boolean | null } | { ok: false; message: string };

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0D]/g;
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

function normalise(text: string): string {
  return text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，]/g, "");
}

/** An empty field is allowed here (drafts may be incomplete); lib/report/precheck.ts decides what must be filled. */
export function validateInputValue(input: TInput, raw: unknown): InputValueResult {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return { ok: true, value: null };
  if (input.kind === "boolean") return yesNo(raw);

  let value: number;
  if (typeof raw === "number") value = raw;
  else if (typeof raw === "string" && NUMBER.test(normalise(raw))) value = Number(normalise(raw));
  else return { ok: false, message: "请输入数字" };
  if (!Number.isFinite(value)) return { ok: false, message: "请输入数字" };

  const { min, max, unit } = input;
  if (value < 0 && (min === undefined || min >= 0)) return { ok: false, message: "不能为负数" };
  if (input.kind === "integer" && !Number.isInteger(value)) return { ok: false, message: "应为整数" };
  if (min !== undefined && value < min) return { ok: false, message: `不能小于 ${min}${unit}` };
  if (max !== undefined && value > max) return { ok: false, message: `不能大于 ${max}${unit}` };
  return { ok: true, value };
}

function yesNo(raw: unknown): InputValueResult {
  if (typeof raw === "boolean") return { ok: true, value: raw };
  if (raw === "是" || raw === "true") return { ok: true, value: true };
  if (raw === "否" || raw === "false") return { ok: true, value: false };
  return { ok: false, message: "请选择“是”或“否”" };
}
