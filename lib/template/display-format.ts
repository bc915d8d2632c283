// How a computed figure is written: a plain number with its unit, a percentage, a per-mille rate, a ratio "1:N",
// an amount of money shown in 万元 or 亿元, or a count with its unit. The format is data so that the editor, the Word
// file, the dashboard and the .xlsx export all write a figure the same way (lib/indicators/format.ts).
// Targets are stated in the units the figure is shown in: a 万元 amount is compared in 万元, a ratio by its N.
import { z } from "@/lib/validation";
import { ZText } from "@/lib/template/keys";
import { allChoices, FORMAT_KIND_LABELS, onlyOneOf } from "@/lib/template/choices";

export const FORMAT_KINDS = ["number", "percent", "permille", "ratio", "currency", "count"] as const;
export type FormatKind = (typeof FORMAT_KINDS)[number];

export const CURRENCY_UNITS = ["元", "万元", "亿元"] as const;
export type CurrencyUnit = (typeof CURRENCY_UNITS)[number];

const currencyUnit = (what: string) => z.enum(CURRENCY_UNITS, { error: `${what}只能是 元、万元 或 亿元` });

export const ZDisplayFormat = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("number") }),
    /** The value is a percentage (e.g. formula op "percent"): 99.82 → "99.82%". */
    z.strictObject({ kind: z.literal("percent") }),
    /** The value is a per-mille rate (formula op "permille"): 3.5 → "3.5‰". */
    z.strictObject({ kind: z.literal("permille") }),
    /** The value is N of "1:N" (e.g. pupils per teacher): 16 → "1:16". */
    z.strictObject({ kind: z.literal("ratio") }),
    /** Money typed in `from` (元 unless said) and shown in `unit`: 123456789 元 → "12345.68万元". */
    z.strictObject({ kind: z.literal("currency"), unit: currencyUnit("金额单位（unit）"), from: currencyUnit("原始单位（from）").default("元") }),
    /** A count with its unit, written as a whole number: "35所". */
    z.strictObject({ kind: z.literal("count"), unit: ZText }),
  ],
  {
    error: (issue) => {
      if (issue.code !== "invalid_union") return undefined;
      const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
      const shown = kind === undefined ? "缺少显示格式（kind）" : `未知的显示格式 ${JSON.stringify(kind)}`;
      return `${shown}，可用的有：${allChoices(FORMAT_KIND_LABELS)}`;
    },
  },
);
export type TDisplayFormat = z.infer<typeof ZDisplayFormat>;

/** Compare the exact value with the target, or the value as printed (the convention of a reviewer with a calculator). */
export const ROUNDING_MODES = ["displayed", "exact"] as const;
export const ZRounding = z.enum(ROUNDING_MODES, { error: onlyOneOf("取整方式", { displayed: "按显示值判断", exact: "按精确值判断" }) });
export type TRounding = z.infer<typeof ZRounding>;
