// Indicators may be built from other indicators; a loop among them has no value, so it is refused up front
// instead of being discovered (as endless recursion) while a county types its figures.
import { formulaOperands } from "@/lib/template/formula";
import { figureSections } from "@/lib/template/lookup";
import type { SchemeError } from "@/lib/template/scheme-errors";
import type { TScheme } from "@/lib/template/schema";

export function loopErrors(scheme: TScheme): SchemeError[] {
  const edges = new Map<string, string[]>();
  const paths = new Map<string, string>();
  for (const section of figureSections(scheme)) {
    section.indicators.forEach((indicator, i) => {
      edges.set(indicator.key, formulaOperands(indicator.formula).map((o) => o.key));
      paths.set(indicator.key, `${section.indicatorPaths[i]}.formula`);
    });
  }

  const done = new Set<string>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const errors: SchemeError[] = [];

  const visit = (key: string) => {
    if (done.has(key) || !edges.has(key)) return;
    const at = stack.indexOf(key);
    if (at >= 0) {
      const loop = stack.slice(at);
      const id = [...loop].sort().join(",");
      if (!reported.has(id)) {
        reported.add(id);
        errors.push({ path: paths.get(loop[0]) ?? "", message: `指标之间存在循环引用：${[...loop, key].join(" → ")}` });
      }
      return;
    }
    stack.push(key);
    for (const next of edges.get(key) ?? []) visit(next);
    stack.pop();
    done.add(key);
  };
  for (const key of edges.keys()) visit(key);
  return errors;
}
