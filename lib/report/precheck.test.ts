import { describe, expect, it } from "vitest";
import { reportState } from "@/lib/report/precheck";
import { emptyContent } from "@/lib/report/content";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { doc, section } from "@/lib/report/testing";

const privateShare = (narrative: string) => ({
  ...emptyContent.narrative(),
  narrative: doc(narrative),
  values: { compulsory_students: 35556, compulsory_primary_students: 25584, compulsory_junior_students: 9972, private_compulsory_students: 6132, private_primary_students: 3149, private_junior_students: 2983 },
});

describe("提交前检查", () => {
  it("requires an unmet target to be covered by a problem with a measure, 牵头单位 and 完成时限", () => {
    const contents = { "criterion:private_compulsory": privateShare("全县民办义务教育在校生占比为{{figure:private_compulsory_share}}。") };
    const before = reportState(SHANXI_2021_COUNTY, contents);
    expect(before.findings.filter((f) => f.sectionKey === "problems").map((f) => f.message)).toEqual([
      "“民办义务教育在校生占比”为 17.25%，未达到目标，须在“存在问题和改进措施”中列为问题并提出措施，或作出情况说明",
    ]);
    const problem = {
      id: "p1",
      title: "民办义务教育在校生占比超过5%",
      detail: doc(""),
      criterionCode: "private_compulsory",
      indicatorKey: "private_compulsory_share",
      source: "indicator" as const,
      measures: [{ id: "m1", text: doc("逐校制定处置方案"), leadUnit: "", partnerUnits: "", owner: "", deadline: "", status: "未启动" as const }],
    };
    const half = reportState(SHANXI_2021_COUNTY, { ...contents, problems: { ...emptyContent.problems(), items: [problem] } });
    expect(half.findings.filter((f) => f.sectionKey === "problems").map((f) => f.message)).toEqual([
      "问题1“民办义务教育在校生占比超过5%”的措施1缺少牵头单位",
      "问题1“民办义务教育在校生占比超过5%”的措施1缺少完成时限",
    ]);
    const done = reportState(SHANXI_2021_COUNTY, {
      ...contents,
      problems: section("problems", { intro: "", items: [{ ...problem, measures: [{ ...problem.measures[0], leadUnit: "县教育局", deadline: "2023-08" }] }] }),
    });
    expect(done.findings.filter((f) => f.sectionKey === "problems")).toEqual([]);
    expect(done.sections.find((s) => s.key === "problems")?.complete).toBe(true);
  });

  it("warns, without blocking, about prose that contradicts the data or claims an unmet target", () => {
    const state = reportState(SHANXI_2021_COUNTY, {
      "criterion:private_compulsory": privateShare("全县民办义务教育在校生占比为15.2%，已完成目标任务。民办义务教育在校生占比达标。"),
    });
    const warnings = state.findings.filter((f) => f.sectionKey === "criterion:private_compulsory" && f.severity === "warning");
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    expect(warnings.map((w) => w.message).join("\n")).toMatch(/17\.25/);
    expect(state.sections.find((s) => s.key === "criterion:private_compulsory")?.complete).toBe(true);
  });
});
