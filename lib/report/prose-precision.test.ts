// How far the prose checks can be trusted, measured and printed: flags raised against true contradictions, on
// (1) the demo report's text with every figure written out as a typed number (so every number agrees with the
// data: any flag is a false alarm) and (2) paragraphs written for this test in the style of county reports, each
// with its known answer — the contradictions a careful reader would mark, and none else. The figures are
// 闻喜县's 2021 figures (初中 10 所, 毛入园率 99.82%, 民办占比 17.25% …).
import { describe, expect, it } from "vitest";
import { computeIndicators } from "@/lib/indicators/compute";
import { allValues } from "@/lib/report/precheck";
import { figurePrinter } from "@/lib/report/figures";
import { findProseConflicts } from "@/lib/report/prose-conflicts";
import { richToPlain, type TRichText } from "@/lib/report/rich-text";
import type { TNarrativeContent, TNextStepsContent, TProblemsContent } from "@/lib/report/content";
import { demoReportContents } from "@/lib/seed/demo-report";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { WENXI_2021_FIGURES } from "@/lib/template/schemes/shanxi-2021/wenxi-figures";
import { PARAGRAPHS } from "@/lib/report/testing/prose-corpus";

const scheme = SHANXI_2021_COUNTY;
const values = WENXI_2021_FIGURES;
const computed = computeIndicators(scheme, values);
const flagsOf = (text: string) => findProseConflicts(text, scheme, computed, values).map((c) => `${c.kind}:${c.key}`);


/** The demo report's prose, every figure written out as the number it shows: text a clerk might have typed. */
function demoParagraphs(): string[] {
  const contents = demoReportContents(scheme);
  const vals = allValues(contents);
  const print = figurePrinter(scheme, computeIndicators(scheme, vals), vals);
  const docs: TRichText[] = Object.entries(contents).flatMap(([key, c]): TRichText[] => {
    if ("narrative" in c) return [c.narrative, ...Object.values((c as TNarrativeContent).subpoints)];
    if ("preamble" in c) return [c.preamble];
    if (key === "problems") return [(c as TProblemsContent).intro, ...(c as TProblemsContent).items.flatMap((p) => [p.detail, ...p.measures.map((m) => m.text)])];
    if ("commitments" in c) return [c.intro, ...(c as TNextStepsContent).items.map((i) => i.body)];
    return [];
  });
  return docs.flatMap((doc) => richToPlain(doc, (key) => print(key).text).split("\n")).filter((p) => p.trim());
}

type Score = { paragraphs: number; raised: number; truePositives: number; falseAlarms: number; missed: number };

function score(cases: [string, string[]][]): Score {
  const s: Score = { paragraphs: cases.length, raised: 0, truePositives: 0, falseAlarms: 0, missed: 0 };
  for (const [text, expected] of cases) {
    const raised = flagsOf(text);
    s.raised += raised.length;
    s.truePositives += raised.filter((r) => expected.includes(r)).length;
    s.falseAlarms += raised.filter((r) => !expected.includes(r)).length;
    s.missed += expected.filter((e) => !raised.includes(e)).length;
  }
  return s;
}

const precision = (s: Score) => (s.raised ? s.truePositives / s.raised : 1);

describe("prose-check precision", () => {
  it("raises no false alarm on the demo report's text written out with typed numbers", () => {
    const demo = score(demoParagraphs().map((p) => [p, []]));
    console.log(`演示报告正文（数字写成文字）：${demo.paragraphs} 段，提示 ${demo.raised} 处，其中真实矛盾 ${demo.truePositives} 处，误报 ${demo.falseAlarms} 处`);
    expect(demo.paragraphs).toBeGreaterThanOrEqual(50);
    expect(demo.falseAlarms).toBe(0);
  });

  it("finds the contradictions in paragraphs with known answers, and little else", () => {
    const own = score(PARAGRAPHS);
    const contradictions = PARAGRAPHS.reduce((n, [, e]) => n + e.length, 0);
    console.log(
      `自编段落：${own.paragraphs} 段，已知矛盾 ${contradictions} 处；提示 ${own.raised} 处，其中真实矛盾 ${own.truePositives} 处，误报 ${own.falseAlarms} 处，漏报 ${own.missed} 处；` +
        `准确率 ${(precision(own) * 100).toFixed(1)}%，检出率 ${((own.truePositives / contradictions) * 100).toFixed(1)}%`,
    );
    expect(own.paragraphs).toBeGreaterThanOrEqual(20);
    for (const [text, expected] of PARAGRAPHS) expect(flagsOf(text).sort(), text).toEqual([...expected].sort());
  });

  it("does not read “撤并…初中4所” as the county's stock of 初中", () => {
    expect(flagsOf("2021年，全县撤并小学（含教学点）46所、初中4所。")).toEqual([]);
    expect(flagsOf("撤并初中4所")).toEqual([]);
  });
});
