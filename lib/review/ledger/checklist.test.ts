import { describe, expect, it } from "vitest";
import { reportState } from "@/lib/report/precheck";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { LEDGER_KEY, ledgerFindings } from "@/lib/review/ledger/checklist";

const item = (id: string, status: string, extra: Partial<{ evidenceText: string; explanation: string; review: "accepted" | "rejected" | null; reviewReason: string }> = {}) =>
  ({ id, status, evidenceText: "", explanation: "", review: null, reviewReason: "", ...extra }) as Parameters<typeof ledgerFindings>[0][number];

describe("上年整改事项 in 提交前检查", () => {
  it("asks for each item neither closed with evidence nor explained, with the reviewer's reason when it was rejected", () => {
    const findings = ledgerFindings([
      item("a", "已完成", { evidenceText: "已建成" }),
      item("b", "未完成需说明", { explanation: "资金未到位" }),
      item("c", "整改中", { review: "rejected", reviewReason: "证据不足" }),
      item("d", "未启动"),
    ]);
    expect(findings.map((f) => [f.sectionKey, f.severity, f.message.slice(0, 12)])).toEqual([
      [LEDGER_KEY, "error", "上年整改事项 3 尚未完"],
      [LEDGER_KEY, "error", "上年整改事项 4 尚未完"],
    ]);
    expect(findings[0].message).toContain("督导复核未通过：证据不足");
  });

  it("counts them among the report's blockers through reportState's external findings", () => {
    const without = reportState(SHANXI_2021_COUNTY, {}, { prose: false });
    const withLedger = reportState(SHANXI_2021_COUNTY, {}, { prose: false, external: ledgerFindings([item("d", "未启动")]) });
    expect(withLedger.errors).toBe(without.errors + 1);
    expect(withLedger.findings[0].sectionKey).toBe(LEDGER_KEY);
    expect(withLedger.completeness).toBe(without.completeness);
  });
});
