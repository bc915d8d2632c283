// Sentences modelled on the Wenxi 2021 report, checked against the Wenxi figures.
import { describe, expect, it } from "vitest";
import { computeIndicators } from "@/lib/indicators/compute";
import { FIGURE_PLACEHOLDER, findProseConflicts } from "@/lib/report/prose-conflicts";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { WENXI_2021_FIGURES } from "@/lib/template/schemes/shanxi-2021/wenxi-figures";

const scheme = SHANXI_2021_COUNTY;
const conflictsIn = (text: string, values = WENXI_2021_FIGURES) =>
  findProseConflicts(text, scheme, computeIndicators(scheme, values), values);

describe("numbers in prose that contradict the figures", () => {
  it("accepts the report's own sentences", () => {
    const text = [
      "全县现有公民办学校(园)193所，教职工3877人，在校学生55875人，其中，高中4所、职中3所、初中10所、小学68所、幼儿园104所。",
      "目前，全县出生人数10755人，在园幼儿10736人，学前三年毛入园率达99.82%，完成了90%的目标任务。",
      "目前，全县在园幼儿(含托班)12149人，公办园在园幼儿6776人，公办园在园幼儿占比55.77%，完成了55%的目标任务。",
      "民办义务教育阶段在校生6132人，其中，小学3149人、初中2983人。民办义务教育在校生占比17.25%，其中，小学占比12.31%，初中占比29.91%。",
      "力争到2023年将全县民办义务教育在校生占比降至5%以内。",
    ].join("\n");
    expect(conflictsIn(text)).toEqual([]);
  });

  it("flags a rate that differs from the computed one", () => {
    const excerpt = "目前，全县在园幼儿10736人，学前三年毛入园率达99.5%，完成了90%的目标任务。";
    expect(conflictsIn(excerpt)).toEqual([
      {
        kind: "number-mismatch",
        key: "preschool_gross_enrolment_rate",
        excerpt,
        message: "文中“学前三年毛入园率”为 99.5%，与计算结果 99.82% 不一致",
      },
    ]);
  });

  it("flags a typed count that differs from the stored one, also in full-width digits", () => {
    const conflicts = conflictsIn("全县在园幼儿（含托班）１２１４９人，公办园在园幼儿6766人。");
    expect(conflicts.map((c) => c.message)).toEqual(["文中“公办园在园幼儿”为 6766人，与填报数据 6776人 不一致"]);
  });

  it("allows coarser rounding of a rate but not a different one", () => {
    expect(conflictsIn("学前三年毛入园率为99.8%。")).toEqual([]);
    expect(conflictsIn("公办园在园幼儿占比约56%。")).toEqual([]);
    expect(conflictsIn("公办园在园幼儿占比为55.7%。").map((c) => c.key)).toEqual(["public_kindergarten_share"]);
  });

  it("ignores numbers in another unit, bounds, and figures cited as chips", () => {
    expect(conflictsIn("学前三年毛入园率达90%以上。")).toEqual([]);
    expect(conflictsIn("一般公共预算教育支出2021年10月底达57628万元。")).toEqual([]);
    expect(conflictsIn(`学前三年毛入园率达${FIGURE_PLACEHOLDER}，高于90%的目标。`)).toEqual([]);
  });
});

describe("claims of success for an indicator that missed its target", () => {
  it("flags 达到/完成 said of the 民办 share", () => {
    const excerpt = "民办义务教育在校生占比17.25%，已达到省定目标要求。";
    expect(conflictsIn(excerpt)).toEqual([
      {
        kind: "unmet-claim",
        key: "private_compulsory_share",
        excerpt,
        message: "“民办义务教育在校生占比”为 17.25%，未达到目标（≤ 5%），文中却表述为已达到或已完成",
      },
    ]);
    expect(conflictsIn("通过民转公，已将民办义务教育阶段在校生占比压减到位，完成了年度任务。")).toHaveLength(1);
    // Names of plain inputs (小学, 初中) in between do not hide the claim.
    const withInputs = "民办义务教育在校生占比17.25%，其中小学3149人、初中2983人，已完成压减任务。";
    expect(conflictsIn(withInputs).map((c) => c.kind)).toEqual(["unmet-claim"]);
  });

  it("does not flag negations, plans, or a claim about another indicator", () => {
    expect(conflictsIn("民办义务教育在校生占比尚未达到5%以内的要求。")).toEqual([]);
    expect(conflictsIn("民办义务教育在校生占比没有完成压减目标。")).toEqual([]);
    expect(conflictsIn("力争2023年民办义务教育在校生占比达到5%以内。")).toEqual([]);
    expect(conflictsIn("民办义务教育在校生占比为17.25%，学前三年毛入园率达到99.82%。")).toEqual([]);
  });

  it("says nothing once the indicator meets its target", () => {
    const values = { ...WENXI_2021_FIGURES, private_compulsory_students: 1700, private_primary_students: 900, private_junior_students: 800 };
    expect(conflictsIn("民办义务教育在校生占比4.78%，已达到目标要求。", values)).toEqual([]);
  });
});
