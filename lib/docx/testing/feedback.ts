// A 督导反馈意见书 of the demo report for the Word tests: the real view model mapping (feedbackViewModel) over the
// demo report's verifiable items, most agreed, one indicator and one score disputed, two findings, three 整改要求.
import type { FeedbackViewModel } from "@/lib/docx/feedback";
import { demoReportContents } from "@/lib/seed/demo-report";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { prefillFeedback, verifiableItems, type VerificationRow } from "@/lib/review/verification";
import { feedbackViewModel } from "@/lib/review/verification/server/feedback-docx";

export function demoFeedbackViewModel(): FeedbackViewModel {
  const items = verifiableItems(SHANXI_2021_COUNTY, demoReportContents(SHANXI_2021_COUNTY));
  const base = { level: "city" as const, value: null, score: null, reason: null, evidence: null, evidenceNote: null, verifiedBy: "李督导", updatedAt: "2026-12-03T08:00:00.000Z" };
  // The disputed figure: the first indicator printed as a percentage.
  const disputed = items.findIndex((i) => i.kind === "indicator" && i.countyValue.endsWith("%"));
  const rows: VerificationRow[] = items.map((item, i) => ({
    ...item,
    record:
      i === disputed
        ? { ...base, kind: item.kind, key: item.key, verdict: "dispute", value: "95.00%", reason: "学籍系统数据与自评不一致", evidenceNote: "现场核查记录第 3 页" }
        : { ...base, kind: item.kind, key: item.key, verdict: "agree" },
  }));
  const findings = [
    { heading: "（一）学前教育", anchorLabel: null, body: "普惠性幼儿园覆盖率测算口径不清，未说明民办普惠园的认定依据" },
    { heading: "（三）义务教育", anchorLabel: "大班额", body: "56 人以上大班额仍有 3 个，消除计划未落实到学校" },
  ];
  const fill = prefillFeedback({ countyName: "闻喜县", rows, findings, deadline: "2027-03-31" });
  return feedbackViewModel({
    countyName: "闻喜县",
    year: 2021,
    issuerRegion: "运城市",
    feedback: { id: "f1", level: "city", version: 1, status: "sent", ...fill, requirements: fill.requirements.slice(0, 3), date: "2026-12-03", sentAt: null, sentBy: null, readAt: null, readBy: null, prefilled: false },
    rows,
  });
}
