import { describe, expect, it } from "vitest";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { sectionByKey } from "@/lib/report/sections";
import { anchorLabel, commentAnchors } from "@/lib/review/comments/anchors";
import { ZCommentBody } from "@/lib/review/comments/schemas";
import { openThreadCounts, toThreads, type CommentRow } from "@/lib/review/comments/view";

const author = { id: "u1", name: "王芳", role: "city_reviewer", region: { name: "运城市" } };
const row = (id: string, sectionKey: string, extra: Partial<CommentRow> = {}): CommentRow => ({
  id,
  sectionKey,
  anchor: null,
  parentId: null,
  body: id,
  status: "open",
  resolvedAt: null,
  createdAt: new Date("2021-06-01T08:00:00Z"),
  updatedAt: new Date("2021-06-01T08:00:00Z"),
  author,
  resolvedBy: null,
  ...extra,
});

describe("comment anchors", () => {
  it("offers a section's sub-points, inputs and indicators, and nothing else", () => {
    const def = sectionByKey(SHANXI_2021_COUNTY, "criterion:preschool")!;
    const anchors = commentAnchors(def).map((a) => a.anchor);
    expect(anchors).toContain("sub-gross_enrolment");
    expect(anchors).toContain("value-preschool_enrolled");
    expect(anchors).toContain("indicator-preschool_gross_enrolment_rate");
    expect(anchorLabel(def, "indicator-private_compulsory_share")).toBeUndefined();
    expect(commentAnchors(sectionByKey(SHANXI_2021_COUNTY, "meta")!)).toEqual([]);
  });
});

describe("comment bodies", () => {
  it("trims, keeps markup as text, drops control characters and caps the length", () => {
    expect(ZCommentBody.parse("  <i>好</i>\r\n  ")).toBe("<i>好</i>");
    expect(ZCommentBody.safeParse("字".repeat(2001)).success).toBe(false);
    expect(ZCommentBody.safeParse("\u0000 ").success).toBe(false);
  });
});

describe("threads", () => {
  it("groups replies under their root, orders threads by section and counts open ones", () => {
    const threads = toThreads(
      [
        row("late-section", "criterion:preschool", { anchor: "value-preschool_enrolled" }),
        row("meta-thread", "meta", { status: "resolved", resolvedAt: new Date(), resolvedBy: { id: "u2", name: "张敏" } }),
        row("reply", "criterion:preschool", { parentId: "late-section" }),
      ],
      SHANXI_2021_COUNTY,
    );
    expect(threads.map((t) => t.id)).toEqual(["meta-thread", "late-section"]);
    expect(threads[1]).toMatchObject({ anchorLabel: "在园幼儿数（不含托班）（人）", replies: [{ id: "reply", author: { roleLabel: "市级督导" } }] });
    expect(openThreadCounts(threads)).toEqual({ "criterion:preschool": 1 });
  });
});
