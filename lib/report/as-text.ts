// A section's content as plain text, for the conflict dialog and the version comparison: a person compares the
// two versions the way they read them, not as JSON.
import type { SectionDef } from "@/lib/report/sections";
import {
  MEASURE_STATUSES,
  type SectionContent,
  type TMetaContent,
  type TNarrativeContent,
  type TNextStepsContent,
  type TProblemsContent,
  type TSchoolTableContent,
  type TVetoContent,
} from "@/lib/report/content";

export function contentAsText(def: SectionDef, content: SectionContent): string {
  const lines: string[] = [];
  if (def.kind === "meta") {
    const c = content as TMetaContent;
    lines.push(`标题：${c.title}`, ...(c.recipient ? [`主送机关：${c.recipient}`] : []), `发文机关：${c.issuer}`, `成文日期：${c.date || "（未填）"}`, "", c.preamble);
  } else if (def.kind === "narrative") {
    const c = content as TNarrativeContent;
    if (c.narrative) lines.push(c.narrative);
    for (const sp of def.criterion?.subpoints ?? []) {
      if (c.subpoints[sp.code]) lines.push("", `【${sp.title}】`, c.subpoints[sp.code]);
    }
    const figures = def.inputs.filter((i) => c.values[i.key] !== undefined && c.values[i.key] !== null);
    if (figures.length) {
      lines.push("", "【数据】");
      for (const i of figures) {
        const v = c.values[i.key];
        lines.push(`${i.label}：${typeof v === "boolean" ? (v ? "是" : "否") : v}${typeof v === "number" ? i.unit : ""}`);
      }
    }
    if (c.score !== null) lines.push("", `自评得分：${c.score}`);
  } else if (def.kind === "problems") {
    const c = content as TProblemsContent;
    if (c.intro) lines.push(c.intro, "");
    c.items.forEach((p, i) => {
      lines.push(`${i + 1}. ${p.title}`);
      if (p.detail) lines.push(p.detail);
      p.measures.forEach((m, j) => {
        const status = MEASURE_STATUSES.includes(m.status) ? m.status : "";
        lines.push(`  措施${j + 1}：${m.text}（牵头：${m.leadUnit || "—"}；配合：${m.partnerUnits || "—"}；责任人：${m.owner || "—"}；时限：${m.deadline || "—"}；${status}）`);
      });
      lines.push("");
    });
  } else if (def.kind === "schoolTable") {
    // One line per school: a person comparing two versions sees which school's figures changed.
    const c = content as TSchoolTableContent;
    const columns = def.table?.columns ?? [];
    for (const row of c.rows) {
      const figures = columns.map((col) => `${col.label}${row.values[col.key] ?? "—"}`).join("，");
      lines.push(`${row.name}（${row.stage}）：${figures}`);
    }
  } else if (def.kind === "veto") {
    const c = content as TVetoContent;
    for (const v of def.vetoes ?? []) {
      const a = c.answers[v.key];
      lines.push(`${v.question}：${a?.answer ?? "（未答）"}`);
      if (a?.explanation) lines.push(`说明：${a.explanation}`);
      if (a?.evidence) lines.push(`佐证材料：${a.evidence}`);
    }
  } else {
    const c = content as TNextStepsContent;
    if (c.intro) lines.push(c.intro, "");
    c.items.forEach((item, i) => lines.push(`${i + 1}. ${item.heading}`, item.body, ""));
    c.commitments.forEach((cm, i) => lines.push(`上年承诺${i + 1}：${cm.text}`, `落实情况：${cm.answer || "（未填）"}`, ""));
  }
  return lines.join("\n").trim();
}
