import { describe, expect, it } from "vitest";
import { mergeSections } from "@/lib/report/merge";
import { doc, section } from "@/lib/report/testing";

const base = section("narrative", { narrative: "总体情况。", subpoints: { a: "甲", b: "乙" }, values: { x: 1, y: 2 }, score: null });

describe("merging someone else's save into unsaved edits", () => {
  it("takes each field from the side that changed it, per key inside keyed fields", () => {
    const mine = { ...base, subpoints: { ...base.subpoints, a: doc("甲（我改的）") }, values: { ...base.values, x: 10 } };
    const theirs = { ...base, narrative: doc("总体情况（对方改的）。"), subpoints: { ...base.subpoints, b: doc("乙（对方改的）") }, values: { ...base.values, y: 20 } };
    const { merged, conflicts } = mergeSections(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged).toMatchObject({
      narrative: doc("总体情况（对方改的）。"),
      subpoints: { a: doc("甲（我改的）"), b: doc("乙（对方改的）") },
      values: { x: 10, y: 20 },
    });
  });

  it("reports a field both changed differently, and keeps the same change once", () => {
    const mine = { ...base, narrative: doc("我的总体情况。"), values: { ...base.values, x: 5 } };
    const theirs = { ...base, narrative: doc("对方的总体情况。"), values: { ...base.values, x: 5 } };
    const { merged, conflicts } = mergeSections(base, mine, theirs);
    expect(conflicts).toEqual(["narrative"]);
    expect(merged).toMatchObject({ values: { x: 5 } });
  });

  it("drops an entry one side removed and the other left alone", () => {
    const withNote = { ...base, explanations: { "check:k": { text: "说明" } } };
    const mine = { ...withNote, explanations: {} };
    expect(mergeSections(withNote, mine, withNote).merged).toMatchObject({ explanations: {} });
  });
});
