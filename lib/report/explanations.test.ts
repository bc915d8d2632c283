// Explain instead of alter: the 193 ≠ 194 of the 闻喜 report answered with a 情况说明, the unmet 民办 share too,
// and what a reviewer's decision does to them.
import { describe, expect, it } from "vitest";
import { reportState } from "@/lib/report/precheck";
import { decodeReviews, reviewKey, type TExplanationReviews } from "@/lib/report/explanations";
import type { TNarrativeContent, TProblemsContent } from "@/lib/report/content";
import { demoReportContents } from "@/lib/seed/demo-report";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

const scheme = SHANXI_2021_COUNTY;
const TEXT = "4所九年一贯制学校在总数中计1次，在分类中计入小学和初中，故分类之和比总数多1所。";

function explained(text = TEXT) {
  const contents = demoReportContents(scheme);
  const profile = contents.profile as TNarrativeContent;
  contents.profile = { ...profile, explanations: { "check:school_types_sum": { text } } };
  return contents;
}
const review = (decision: "accepted" | "rejected", text = TEXT): TExplanationReviews => ({
  [reviewKey("profile", "check:school_types_sum")]: { decision, text, comment: decision === "rejected" ? "请按统计年报口径填写" : "", by: "运城市 王芳", at: "2021-11-20T02:00:00.000Z", round: 1 },
});

describe("情况说明", () => {
  it("turns the failed check from 必须处理 into 已说明: the report may be submitted", () => {
    const before = reportState(scheme, demoReportContents(scheme));
    expect(before.errors).toBe(1);
    const state = reportState(scheme, explained());
    expect(state.errors).toBe(0);
    expect(state.findings).toEqual([expect.objectContaining({ sectionKey: "profile", severity: "explained", explain: expect.objectContaining({ state: "explained", text: TEXT }) })]);
    expect(state.sections.find((s) => s.key === "profile")?.complete).toBe(true);
    expect(state.completeness).toBe(100);
  });

  it("stays answered once accepted, and blocks again once rejected — until the text is rewritten", () => {
    expect(reportState(scheme, explained(), { reviews: review("accepted") }).findings[0]).toMatchObject({ severity: "explained", explain: { state: "accepted" } });
    const rejected = reportState(scheme, explained(), { reviews: review("rejected") });
    expect(rejected.errors).toBe(1);
    expect(rejected.findings[0]).toMatchObject({ severity: "error", explain: { state: "rejected", review: { comment: "请按统计年报口径填写" } } });
    const rewritten = reportState(scheme, explained(`${TEXT}（已按统计年报核对）`), { reviews: review("rejected") });
    expect(rewritten.findings[0]).toMatchObject({ severity: "explained", explain: { state: "explained", review: null } });
  });

  it("does not count a blank explanation", () => {
    expect(reportState(scheme, explained("   ")).errors).toBe(1);
  });

  it("answers an unmet target instead of listing it as a problem", () => {
    const contents = demoReportContents(scheme);
    const problems = contents.problems as TProblemsContent;
    contents.problems = { ...problems, items: problems.items.filter((p) => p.indicatorKey !== "private_compulsory_share"), explanations: {} };
    const unmet = reportState(scheme, contents).findings.filter((f) => f.sectionKey === "problems");
    expect(unmet).toEqual([expect.objectContaining({ severity: "error", message: expect.stringContaining("或作出情况说明") })]);
    contents.problems = { ...(contents.problems as TProblemsContent), explanations: { "unmet:private_compulsory_share": { text: "已制定三年压减规划，2023年底前降至5%以内。" } } };
    expect(reportState(scheme, contents).findings.filter((f) => f.sectionKey === "problems")).toEqual([expect.objectContaining({ severity: "explained" })]);
  });

  it("reads the reviews stored on the report, and refuses a corrupt column instead of forgetting rejections", () => {
    expect(decodeReviews("{}")).toEqual({});
    expect(decodeReviews(JSON.stringify(review("rejected")))).toEqual(review("rejected"));
    expect(() => decodeReviews('{"profile|check:x":{"decision":"maybe"}}')).toThrow(/审核记录无法读取/);
  });
});
