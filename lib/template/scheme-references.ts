// Every key a formula or a check names must exist, have the right type (number vs yes/no) and appear only once in
// the whole scheme: a figure key is the identity of a stored value, so two figures sharing one would overwrite it.
import { formatPath, duplicateErrors, type SchemeError } from "@/lib/template/scheme-errors";
import { formulaOperands } from "@/lib/template/formula";
import { figureIndex, figureLabel, figureSections, isYesNoFigure, type Figure } from "@/lib/template/lookup";
import type { TScheme } from "@/lib/template/schema";

export function referenceErrors(scheme: TScheme): SchemeError[] {
  const sections = figureSections(scheme);
  const keys = sections.flatMap((s) => [
    ...s.inputs.map((f, i) => ({ value: f.key, path: `${s.inputPaths[i]}.key` })),
    ...s.indicators.map((f, i) => ({ value: f.key, path: `${s.indicatorPaths[i]}.key` })),
    ...s.checks.map((f, i) => ({ value: f.key, path: `${s.path}.checks[${i}].key` })),
  ]);
  const errors = duplicateErrors(keys, "键名");
  const index = figureIndex(scheme);

  for (const section of sections) {
    section.indicators.forEach((indicator, i) => {
      const wantsYesNo = indicator.formula.op === "yesno";
      for (const operand of formulaOperands(indicator.formula)) {
        const path = `${section.indicatorPaths[i]}.formula.${formatPath(operand.path)}`;
        const problem = operandProblem(index.get(operand.key), operand.key, wantsYesNo);
        if (problem) errors.push({ path, message: problem });
      }
    });
    section.checks.forEach((check, i) => {
      const operands = [...check.parts.map((key, j) => ({ key, field: `parts[${j}]` })), { key: check.total, field: "total" }];
      for (const { key, field } of operands) {
        const problem = operandProblem(index.get(key), key, false);
        if (problem) errors.push({ path: `${section.path}.checks[${i}].${field}`, message: problem });
      }
    });
  }
  return errors;
}

function operandProblem(figure: Figure | undefined, key: string, wantsYesNo: boolean): string | null {
  if (!figure) return `引用了不存在的数据「${key}」`;
  const yesNo = isYesNoFigure(figure);
  if (wantsYesNo && !yesNo) return `是/否指标只能引用是/否项，「${figureLabel(figure)}」（${key}）是数值`;
  if (!wantsYesNo && yesNo) return `「${figureLabel(figure)}」（${key}）是是/否项，不能参与数值计算`;
  return null;
}
