// A section's content as plain text, for the conflict dialog, the version comparison and the redline: a person
// compares the two versions the way they read them — figures as their values, not as keys or JSON.
import type { SectionDef } from "@/lib/report/sections";
import type { FigureWords } from "@/lib/report/figure-words";
import { richToPlain, type TRichText } from "@/lib/report/rich-text";
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
import type { TExplanations } from "@/lib/report/content-extras";

function explanationLines(explanations: TExplanations, name: (target: string) => string): string[] {
  const entries = Object.entries(explanations).filter(([, e]) => e.text.trim());
  return entries.length ? ["", "【情况说明】", ...entries.map(([target, e]) => `${name(target)}：${e.text}`)] : [];
}

export function contentAsText(def: SectionDef, content: SectionContent, words: FigureWords): string {
  const rich = (doc: TRichText) => richToPlain(doc, words.figure);
  const lines: string[] = [];
  if (def.kind === "meta") {
    const c = content as TMetaContent;
    lines.push(`标题：${c.title}`, ...(c.recipient ? [`主送机关：${c.recipient}`] : []), `发文机关：${c.issuer}`, `成文日期：${c.date || "（未填）"}`, "", rich(c.preamble));
  } else if (def.kind === "narrative") {
    const c = content as TNarrativeContent;
    if (c.narrative.length) lines.push(rich(c.narrative));
    for (const sp of def.criterion?.subpoints ?? []) {
      if (c.subpoints[sp.code]?.length) lines.push("", `【${sp.title}】`, rich(c.subpoints[sp.code]));
    }
    const figures = def.inputs.filter((i) => c.values[i.key] !== undefined && c.values[i.key] !== null);
    const stated = def.indicators.filter((i) => c.stated[i.key]);
    if (figures.length || stated.length) {
      lines.push("", "【数据】");
      for (const i of figures) {
        const v = c.values[i.key];
        lines.push(`${i.label}：${typeof v === "boolean" ? (v ? "是" : "否") : v}${typeof v === "number" ? i.unit : ""}`);
      }
      for (const i of stated) lines.push(`${i.label}：${c.stated[i.key].value}${i.unit}（直接填写，来源：${c.stated[i.key].source || "未注明"}）`);
    }
    const notes = Object.entries(c.notes).filter(([, n]) => n.source || n.basis);
    if (notes.length) {
      lines.push("", "【数据来源与统计口径】");
      for (const [key, n] of notes) lines.push(`${words.label(key)}：${[n.source && `来源：${n.source}`, n.basis && `口径：${n.basis}`].filter(Boolean).join("；")}`);
    }
    const checks = new Map(def.checks.map((ch) => [`check:${ch.key}`, ch.label]));
    lines.push(...explanationLines(c.explanations, (t) => checks.get(t) ?? t));
    const dismissed = Object.values(c.dismissed);
    if (dismissed.length) {
      lines.push("", `【已忽略的文字提示】${dismissed.length} 条`, ...dismissed.filter((d) => d.reason).map((d) => `理由：${d.reason}`));
    }
    if (c.score !== null) lines.push("", `自评得分：${c.score}`);
  } else if (def.kind === "problems") {
    const c = content as TProblemsContent;
    if (c.intro.length) lines.push(rich(c.intro), "");
    c.items.forEach((p, i) => {
      lines.push(`${i + 1}. ${p.title}`);
      if (p.detail.length) lines.push(rich(p.detail));
      p.measures.forEach((m, j) => {
        const status = MEASURE_STATUSES.includes(m.status) ? m.status : "";
        lines.push(`  措施${j + 1}：${rich(m.text)}（牵头：${m.leadUnit || "—"}；配合：${m.partnerUnits || "—"}；责任人：${m.owner || "—"}；时限：${m.deadline || "—"}；${status}）`);
      });
      lines.push("");
    });
    lines.push(...explanationLines(c.explanations, (t) => `${words.label(t.replace(/^unmet:/, ""))}未达标`));
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
    if (c.intro.length) lines.push(rich(c.intro), "");
    c.items.forEach((item, i) => lines.push(`${i + 1}. ${item.heading}`, rich(item.body), ""));
    c.commitments.forEach((cm, i) => lines.push(`上年承诺${i + 1}：${rich(cm.text)}`, `落实情况：${cm.answer.length ? rich(cm.answer) : "（未填）"}`, ""));
  }
  return lines.join("\n").trim();
}
