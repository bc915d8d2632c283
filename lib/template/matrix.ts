// Per-level matrices expanded into ordinary figures: input "spend" of level "primary" becomes "spend_primary",
// labelled "小学生均一般公共预算教育支出". Formulas that name the matrix's own keys mean the same level; other keys are
// the scheme's ordinary figures. Expansion happens on read (lookup.ts), never in the stored scheme, so a scheme
// round-trips through validation unchanged.
import { renameOperands } from "@/lib/template/formula";
import type { SchemeError } from "@/lib/template/scheme-errors";
import type { TFigureMatrix, TIndicator, TInput, TScheme } from "@/lib/template/schema";

export const matrixKey = (key: string, level: string) => `${key}_${level}`;

export interface ExpandedMatrix {
  inputs: TInput[];
  indicators: TIndicator[];
  /** Path of the definition each expanded figure comes from, parallel to inputs / indicators. */
  inputPaths: string[];
  indicatorPaths: string[];
}

export function expandMatrix(m: TFigureMatrix, at: string): ExpandedMatrix {
  const own = new Set([...m.inputs.map((i) => i.key), ...m.indicators.map((i) => i.key)]);
  const out: ExpandedMatrix = { inputs: [], indicators: [], inputPaths: [], indicatorPaths: [] };
  for (const level of m.levels) {
    const rename = (key: string) => (own.has(key) ? matrixKey(key, level.key) : key);
    m.inputs.forEach((input, j) => {
      out.inputs.push({ ...input, key: rename(input.key), label: `${level.label}${input.label}` });
      out.inputPaths.push(`${at}.inputs[${j}]`);
    });
    m.indicators.forEach((ind, j) => {
      const target = m.targets[ind.key]?.[level.key] ?? ind.target;
      out.indicators.push({
        ...ind,
        key: rename(ind.key),
        label: `${level.label}${ind.label}`,
        formula: renameOperands(ind.formula, rename),
        ...(target ? { target } : {}),
      });
      out.indicatorPaths.push(`${at}.indicators[${j}]`);
    });
  }
  return out;
}

/** What a matrix's shape cannot say: level keys once, targets naming its own indicators and levels, and per-level
 *  targets that fit the indicator (yes/no or number). */
export function matrixErrors(scheme: TScheme): SchemeError[] {
  const nodes = [
    ...scheme.parts.flatMap((p, i) => (p.kind === "profile" ? [{ at: `parts[${i}]`, matrices: p.matrices }] : [])),
    ...scheme.criteria.map((c, i) => ({ at: `criteria[${i}]`, matrices: c.matrices })),
  ];
  const errors: SchemeError[] = [];
  for (const { at, matrices } of nodes) {
    matrices.forEach((m, k) => {
      const path = `${at}.matrices[${k}]`;
      const levels = new Set<string>();
      m.levels.forEach((l, j) => {
        if (levels.has(l.key)) errors.push({ path: `${path}.levels[${j}].key`, message: `学段键名「${l.key}」重复` });
        levels.add(l.key);
      });
      const indicators = new Map(m.indicators.map((d) => [d.key, d]));
      for (const [key, byLevel] of Object.entries(m.targets)) {
        const ind = indicators.get(key);
        if (!ind) {
          errors.push({ path: `${path}.targets.${key}`, message: `按学段的目标引用了本表中不存在的指标「${key}」` });
          continue;
        }
        for (const [level, target] of Object.entries(byLevel)) {
          if (!levels.has(level)) errors.push({ path: `${path}.targets.${key}.${level}`, message: `未知的学段「${level}」（可用的有：${[...levels].join("、")}）` });
          if ((ind.formula.op === "yesno") !== (target.op === "yes")) {
            errors.push({ path: `${path}.targets.${key}.${level}.op`, message: ind.formula.op === "yesno" ? "是/否指标的目标只能是 yes（为“是”）" : "目标 yes（为“是”）只能用于是/否指标" });
          }
        }
      }
      m.indicators.forEach((ind, j) => {
        if (ind.formula.op === "schools") errors.push({ path: `${path}.indicators[${j}].formula.op`, message: "按学段的指标不能统计学校表格" });
      });
    });
  }
  return errors;
}
