import { describe, expect, it } from "vitest";
import { countyMaySee, defaultDeadline, inspectorateOf, prefillFeedback, type VerificationRow } from "@/lib/review/verification";

const row = (over: Partial<VerificationRow>): VerificationRow => ({
  kind: "indicator",
  key: "k",
  criterion: "（十）学前教育",
  label: "学前三年毛入园率",
  countyValue: "99.82%",
  standard: "≥ 90%",
  status: "达标",
  unmet: false,
  record: null,
  ...over,
});
const rec = { level: "city" as const, kind: "indicator" as const, key: "k", value: null, score: null, reason: null, evidence: null, evidenceNote: null, verifiedBy: null, updatedAt: "" };

describe("verification rules", () => {
  it("lets the county see 核定 only once the feedback is sent", () => {
    expect([countyMaySee(null), countyMaySee("draft"), countyMaySee("sent")]).toEqual([false, false, true]);
  });

  it("defaults the deadline to the end of the month three months on, across a year end", () => {
    expect(defaultDeadline("2026-12-03")).toBe("2027-03-31");
    expect(defaultDeadline("2026-11-30")).toBe("2027-02-28");
    expect(defaultDeadline("2027-05-15")).toBe("2027-08-31");
  });

  it("pre-fills problems from findings, unmet (undisputed) indicators and disputes, one requirement each", () => {
    const rows = [
      row({ key: "a", record: { ...rec, verdict: "agree" } }),
      row({ key: "b", label: "民办在校生占比", countyValue: "17.25%", standard: "≤ 5%", status: "未达标", unmet: true }),
      row({ key: "c", label: "公办园占比", countyValue: "55%", record: { ...rec, key: "c", verdict: "dispute", value: "50%", reason: "名单含已停办园。" } }),
    ];
    const f = prefillFeedback({ countyName: "闻喜县", rows, findings: [{ heading: "（十）学前教育", anchorLabel: null, body: "测算口径不清。" }], deadline: "2027-03-31" });
    expect(f.problems.split("\n")).toEqual([
      "1.（十）学前教育：测算口径不清。",
      "2.“民办在校生占比”为 17.25%，未达到≤ 5%的评价标准。",
      "3.“公办园占比”自评为 55%，核定为 50%（名单含已停办园）。",
    ]);
    expect(f.requirements).toHaveLength(3);
    expect(f.requirements.every((r) => r.deadline === "2027-03-31")).toBe(true);
    expect(f.achievements).toContain("共核定 2 项，其中 1 项同意自评结果，1 项核定结果与自评不一致");
    expect(inspectorateOf("运城市")).toBe("运城市人民政府教育督导室");
  });
});
