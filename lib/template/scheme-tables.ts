// Cross-references of per-school tables and veto items that a zod shape cannot see: every table placed under
// exactly one criterion, formulas that only name the table's own columns and indicators, a standard and a CV
// ceiling for every stage, header labels that cannot be confused on import, and a veto part iff there are vetoes.
import { formulaOperands } from "@/lib/template/formula";
import { duplicateErrors, formatPath, type SchemeError } from "@/lib/template/scheme-errors";
import type { TScheme } from "@/lib/template/schema";
import type { TSchoolTable } from "@/lib/template/school-table";
import { normaliseHeader } from "@/lib/template/headers";
import { FORMULA_OP_LABELS } from "@/lib/template/choices";

export function tableErrors(scheme: TScheme): SchemeError[] {
  const errors = duplicateErrors(
    scheme.tables.map((t, i) => ({ value: t.key, path: `tables[${i}].key` })),
    "表格键名",
  );
  const placed = new Map<string, string>();
  scheme.criteria.forEach((c, i) => {
    if (c.table === undefined) return;
    const path = `criteria[${i}].table`;
    if (!scheme.tables.some((t) => t.key === c.table)) errors.push({ path, message: `引用了不存在的表格「${c.table}」` });
    else if (placed.has(c.table)) errors.push({ path, message: `表格「${c.table}」已放在 ${placed.get(c.table)}，每张表只能放在一个评价重点下` });
    else placed.set(c.table, path);
  });
  scheme.tables.forEach((t, i) => {
    if (!placed.has(t.key)) errors.push({ path: `tables[${i}]`, message: `表格「${t.title}」没有放在任何评价重点下（在评价重点中设置 table: "${t.key}"）` });
    errors.push(...oneTableErrors(t, `tables[${i}]`));
  });
  return [...errors, ...vetoErrors(scheme)];
}

function oneTableErrors(t: TSchoolTable, at: string): SchemeError[] {
  const errors = [
    ...duplicateErrors(t.stages.map((s, i) => ({ value: s.key, path: `${at}.stages[${i}].key` })), "学段键名"),
    ...duplicateErrors(t.schoolTypes.map((s, i) => ({ value: s.key, path: `${at}.schoolTypes[${i}].key` })), "学校类型键名"),
    ...duplicateErrors(
      [...t.columns.map((c, i) => ({ value: c.key, path: `${at}.columns[${i}].key` })), ...t.indicators.map((d, i) => ({ value: d.key, path: `${at}.indicators[${i}].key` }))],
      "键名",
    ),
  ];
  const stages = new Set(t.stages.map((s) => s.key));
  const stageProblem = (key: string) => (stages.has(key) ? null : `未知的学段「${key}」（可用的有：${[...stages].join("、")}）`);
  t.schoolTypes.forEach((type, i) =>
    type.stages.forEach((key, j) => {
      const problem = stageProblem(key);
      if (problem) errors.push({ path: `${at}.schoolTypes[${i}].stages[${j}]`, message: problem });
    }),
  );

  const enrolment = t.columns.find((c) => c.key === t.enrolment);
  if (!enrolment) errors.push({ path: `${at}.enrolment`, message: `学生数列「${t.enrolment}」不是表格中的列` });
  else if (enrolment.kind !== "integer") errors.push({ path: `${at}.enrolment`, message: "学生数列应为整数列（integer）" });

  const known = new Set([...t.columns.map((c) => c.key), ...t.indicators.map((d) => d.key)]);
  t.indicators.forEach((ind, i) => {
    if (ind.formula.op === "yesno" || ind.formula.op === "schools") errors.push({ path: `${at}.indicators[${i}].formula.op`, message: `表格指标只能是每校的数值公式，不能用 ${ind.formula.op}（${FORMULA_OP_LABELS[ind.formula.op]}）` });
    for (const operand of formulaOperands(ind.formula)) {
      if (!known.has(operand.key)) {
        errors.push({ path: `${at}.indicators[${i}].formula.${formatPath(operand.path)}`, message: `引用了表格中不存在的列或指标「${operand.key}」` });
      }
    }
    for (const key of Object.keys(ind.standards)) {
      const problem = stageProblem(key);
      if (problem) errors.push({ path: `${at}.indicators[${i}].standards.${key}`, message: problem });
    }
    for (const stage of t.stages) {
      if (ind.standards[stage.key] === undefined) errors.push({ path: `${at}.indicators[${i}].standards`, message: `缺少${stage.label}（${stage.key}）的标准值` });
    }
  });
  errors.push(...indicatorLoopErrors(t, at));

  for (const key of Object.keys(t.rules.cvMax)) {
    const problem = stageProblem(key);
    if (problem) errors.push({ path: `${at}.rules.cvMax.${key}`, message: problem });
  }
  for (const stage of t.stages) {
    if (t.rules.cvMax[stage.key] === undefined) errors.push({ path: `${at}.rules.cvMax`, message: `缺少${stage.label}（${stage.key}）的差异系数上限` });
  }
  const counted = t.indicators.filter((d) => d.role === "counted").length;
  if (t.rules.minIndicatorsMet > counted) {
    errors.push({ path: `${at}.rules.minIndicatorsMet`, message: `至少达标项数（${t.rules.minIndicatorsMet}）不能多于参与计数的指标数（${counted}）` });
  }
  errors.push(...rowRuleErrors(t, at));
  errors.push(...headerErrors(t, at));
  return errors;
}

/** Attributes, standard variants, split factors and indicator scopes of table v2. */
function rowRuleErrors(t: TSchoolTable, at: string): SchemeError[] {
  const errors = duplicateErrors(t.attributes.map((a, i) => ({ value: a.key, path: `${at}.attributes[${i}].key` })), "学校属性键名");
  const attributes = new Map(t.attributes.map((a) => [a.key, a]));
  const types = new Set(t.schoolTypes.map((s) => s.key));
  const stages = new Set(t.stages.map((s) => s.key));
  const columns = new Set(t.columns.map((c) => c.key));
  t.attributes.forEach((a, i) => {
    if (a.kind === "category") errors.push(...duplicateErrors(a.options.map((o, j) => ({ value: o.key, path: `${at}.attributes[${i}].options[${j}].key` })), "选项键名"));
  });
  t.indicators.forEach((ind, i) => {
    const here = `${at}.indicators[${i}]`;
    if (ind.scope === "school" && ind.cv) errors.push({ path: `${here}.cv`, message: "按全校计算（scope: school）的指标不计算差异系数，请设“cv: false”" });
    ind.variants.forEach((v, j) => {
      const vat = `${here}.variants[${j}]`;
      (v.when.types ?? []).forEach((type, k) => {
        if (!types.has(type)) errors.push({ path: `${vat}.when.types[${k}]`, message: `未知的学校类型「${type}」（可用的有：${[...types].join("、")}）` });
      });
      for (const [key, wanted] of Object.entries(v.when.attributes ?? {})) {
        const attr = attributes.get(key);
        if (!attr) errors.push({ path: `${vat}.when.attributes.${key}`, message: `未知的学校属性「${key}」${attributes.size ? `（可用的有：${[...attributes.keys()].join("、")}）` : "（请先在 attributes 中声明）"}` });
        else if (attr.kind === "flag" && typeof wanted !== "boolean") errors.push({ path: `${vat}.when.attributes.${key}`, message: `「${attr.label}」是是/否属性，条件应为 true（是）或 false（否）` });
        else if (attr.kind === "category") {
          if (typeof wanted === "boolean") errors.push({ path: `${vat}.when.attributes.${key}`, message: `「${attr.label}」是类别，条件应列出选项，如 ["${attr.options[0].key}"]` });
          else wanted.forEach((o, k) => {
            if (!attr.options.some((x) => x.key === o)) errors.push({ path: `${vat}.when.attributes.${key}[${k}]`, message: `「${attr.label}」没有选项「${o}」（可用的有：${attr.options.map((x) => x.key).join("、")}）` });
          });
        }
      }
      for (const key of Object.keys(v.standards ?? {})) {
        if (!stages.has(key)) errors.push({ path: `${vat}.standards.${key}`, message: `未知的学段「${key}」（可用的有：${[...stages].join("、")}）` });
      }
    });
  });
  t.schoolTypes.forEach((type, i) => {
    if (!type.split) return;
    const sat = `${at}.schoolTypes[${i}].split`;
    if (type.stages.length < 2) errors.push({ path: sat, message: "只有多个学段的学校类型（如九年一贯制）才能分摊" });
    for (const stage of type.stages) if (type.split.factors[stage] === undefined) errors.push({ path: `${sat}.factors`, message: `缺少学段「${stage}」的分摊系数` });
    for (const key of Object.keys(type.split.factors)) if (!type.stages.includes(key)) errors.push({ path: `${sat}.factors.${key}`, message: `${type.label}没有学段「${key}」` });
    type.split.columns.forEach((key, j) => {
      if (!columns.has(key)) errors.push({ path: `${sat}.columns[${j}]`, message: `表格中没有列「${key}」` });
      else if (key === t.enrolment) errors.push({ path: `${sat}.columns[${j}]`, message: "学生数按学段分别填写，不能分摊" });
    });
  });
  return errors;
}

/** Two headers that normalise to the same text would make an imported column ambiguous. */
function headerErrors(t: TSchoolTable, at: string): SchemeError[] {
  const entries = [
    { value: normaliseHeader(t.nameLabel), path: `${at}.nameLabel` },
    { value: normaliseHeader(t.typeLabel), path: `${at}.typeLabel` },
    { value: normaliseHeader(t.stageLabel), path: `${at}.stageLabel` },
    ...t.columns.flatMap((c, i) => [c.label, ...c.aliases].map((label) => ({ value: normaliseHeader(label), path: `${at}.columns[${i}]` }))),
    ...t.attributes.flatMap((a, i) => [a.label, ...a.aliases].map((label) => ({ value: normaliseHeader(label), path: `${at}.attributes[${i}]` }))),
  ];
  const typeNames = t.schoolTypes.flatMap((s, i) => [s.label, ...s.aliases].map((label) => ({ value: normaliseHeader(label), path: `${at}.schoolTypes[${i}]` })));
  const stageNames = t.stages.map((s, i) => ({ value: normaliseHeader(s.label), path: `${at}.stages[${i}].label` }));
  return [...duplicateErrors(entries, "列标题"), ...duplicateErrors(typeNames, "学校类型名称"), ...duplicateErrors(stageNames, "学段名称")];
}

function indicatorLoopErrors(t: TSchoolTable, at: string): SchemeError[] {
  const edges = new Map(t.indicators.map((d) => [d.key, formulaOperands(d.formula).map((o) => o.key)]));
  const state = new Map<string, "visiting" | "done">();
  const errors: SchemeError[] = [];
  const visit = (key: string, trail: string[]): void => {
    if (!edges.has(key) || state.get(key) === "done") return;
    if (state.get(key) === "visiting") {
      const i = t.indicators.findIndex((d) => d.key === key);
      errors.push({ path: `${at}.indicators[${i}].formula`, message: `表格指标之间存在循环引用：${[...trail.slice(trail.indexOf(key)), key].join(" → ")}` });
      return;
    }
    state.set(key, "visiting");
    for (const next of edges.get(key) ?? []) visit(next, [...trail, key]);
    state.set(key, "done");
  };
  for (const key of edges.keys()) visit(key, []);
  return errors;
}

function vetoErrors(scheme: TScheme): SchemeError[] {
  const errors = duplicateErrors(
    scheme.vetoes.map((v, i) => ({ value: v.key, path: `vetoes[${i}].key` })),
    "否决项键名",
  );
  const hasPart = scheme.parts.some((p) => p.kind === "veto");
  if (scheme.vetoes.length && !hasPart) errors.push({ path: "parts", message: "方案有一票否决事项，但缺少「一票否决事项」部分（veto）" });
  if (!scheme.vetoes.length && hasPart) errors.push({ path: "vetoes", message: "方案有「一票否决事项」部分，但没有列出任何否决事项" });
  return errors;
}
