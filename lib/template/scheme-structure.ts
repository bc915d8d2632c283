// Structural rules a zod shape cannot express: which parts a report must have, criterion order, and how groups
// cover the criteria. Numbering is derived from this structure, so it must be unambiguous.
import { duplicateErrors, type SchemeError } from "@/lib/template/scheme-errors";
import { PART_KIND_LABELS, PART_KINDS, type TScheme } from "@/lib/template/schema";

// Only the criteria are required: a scheme without 基本情况 or 下一步打算 leaves them out.
const REQUIRED_PARTS = new Set(["criteria"]);

export function structureErrors(scheme: TScheme): SchemeError[] {
  return [...partErrors(scheme), ...criterionErrors(scheme), ...groupErrors(scheme)];
}

function partErrors(scheme: TScheme): SchemeError[] {
  const errors = duplicateErrors(
    scheme.parts.map((p, i) => ({ value: p.key, path: `parts[${i}].key` })),
    "部分的键名",
  );
  for (const kind of PART_KINDS) {
    const at = scheme.parts.flatMap((p, i) => (p.kind === kind ? [i] : []));
    const name = `「${PART_KIND_LABELS[kind]}」部分（${kind}）`;
    if (at.length === 0 && REQUIRED_PARTS.has(kind)) errors.push({ path: "parts", message: `缺少${name}` });
    for (const i of at.slice(1)) errors.push({ path: `parts[${i}].kind`, message: `${name}只能有一个` });
  }
  return errors;
}

function criterionErrors(scheme: TScheme): SchemeError[] {
  const errors = duplicateErrors(
    scheme.criteria.map((c, i) => ({ value: c.code, path: `criteria[${i}].code` })),
    "评价重点代码",
  );
  scheme.criteria.forEach((c, i) => {
    if (c.ordinal !== i + 1) {
      errors.push({ path: `criteria[${i}].ordinal`, message: `序号应为 ${i + 1}（评价重点按排列顺序从 1 连续编号）` });
    }
    const subpoints = c.subpoints.map((s, j) => ({ value: s.code, path: `criteria[${i}].subpoints[${j}].code` }));
    errors.push(...duplicateErrors(subpoints, "要点代码"));
  });
  return errors;
}

function groupErrors(scheme: TScheme): SchemeError[] {
  if (scheme.numbering === "flat") {
    return scheme.groups.length ? [{ path: "groups", message: "平铺编号（flat）不使用分组，请删除分组（groups）或改用分组编号（grouped）" }] : [];
  }
  if (!scheme.groups.length) return [{ path: "groups", message: "分组编号（grouped）至少需要一个分组" }];
  const errors = duplicateErrors(
    scheme.groups.map((g, i) => ({ value: g.code, path: `groups[${i}].code` })),
    "分组代码",
  );
  const known = new Set(scheme.criteria.map((c) => c.code));
  const placed = new Map<string, string>();
  scheme.groups.forEach((g, i) =>
    g.criteria.forEach((code, j) => {
      const path = `groups[${i}].criteria[${j}]`;
      if (!known.has(code)) errors.push({ path, message: `未知的评价重点代码「${code}」` });
      else if (placed.has(code)) errors.push({ path, message: `评价重点「${code}」已归入 ${placed.get(code)}，每项只能归入一个分组` });
      else placed.set(code, path);
    }),
  );
  for (const c of scheme.criteria) {
    if (!placed.has(c.code)) errors.push({ path: "groups", message: `评价重点「${c.code}」（${c.title}）未归入任何分组` });
  }
  if (errors.length) return errors;
  // Items are numbered 1, 2, 3… through the groups, so reading the groups in order must give the criteria in order.
  const paths = [...placed.values()];
  const misplaced = [...placed.keys()].findIndex((code, n) => code !== scheme.criteria[n].code);
  if (misplaced < 0) return [];
  const expected = scheme.criteria[misplaced];
  return [{ path: paths[misplaced], message: `分组中的评价重点应按序号排列：此处应为「${expected.code}」（第 ${expected.ordinal} 项）` }];
}
