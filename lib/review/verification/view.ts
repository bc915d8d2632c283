// 核定 and the 督导反馈意见书 as the pages see them (plain data, ISO dates), the visibility rule, and the draft a
// feedback starts from. Universal.
import type { ReviewLevel } from "@/lib/report/status";
import type { ItemKind, VerifiableItem } from "@/lib/review/verification/items";
import type { TRequirement, Verdict } from "@/lib/review/verification/schemas";

export type VerificationRecord = {
  level: ReviewLevel;
  kind: ItemKind;
  key: string;
  verdict: Verdict;
  value: string | null;
  score: string | null;
  reason: string | null;
  evidence: { id: string; fileName: string } | null;
  evidenceNote: string | null;
  verifiedBy: string | null;
  updatedAt: string;
};

export type VerificationRow = VerifiableItem & { record: VerificationRecord | null };

export type FeedbackStatus = "draft" | "sent";

export type FeedbackView = {
  id: string | null;
  level: ReviewLevel;
  version: number;
  status: FeedbackStatus;
  achievements: string;
  problems: string;
  requirements: TRequirement[];
  deadline: string | null;
  date: string | null;
  sentAt: string | null;
  sentBy: string | null;
  readAt: string | null;
  readBy: string | null;
  /** True when nothing is stored yet and the fields are the pre-filled draft. */
  prefilled: boolean;
};

/**
 * The visibility rule (decision 027): a county sees a level's 核定 only once that level's feedback is sent. Until
 * then a reviewer's 核定 is work in progress — the county is told the outcome once, in the feedback, with every
 * disputed figure beside it — and after it is sent that level's 核定 is frozen, so the county reads exactly what
 * the feedback was based on. Reviewers see every level's 核定 of reports in their reach.
 */
export function countyMaySee(feedbackStatus: FeedbackStatus | null): boolean {
  return feedbackStatus === "sent";
}

export const isDisputed = (row: VerificationRow) => row.record?.verdict === "dispute";

/** "核定值 95%" / "核定得分 8 分". */
export function verifiedText(row: VerificationRow): string {
  const r = row.record;
  if (!r) return "未核定";
  if (r.verdict === "agree") return "同意自评";
  return row.kind === "score" ? `${r.score ?? ""} 分` : (r.value ?? "");
}

export function evidenceText(r: VerificationRecord): string {
  return [r.evidence ? `佐证材料：${r.evidence.fileName}` : "", r.evidenceNote ?? ""].filter(Boolean).join("；");
}

export type FindingView = { heading: string; anchorLabel: string | null; body: string };

const strip = (s: string) => s.replace(/\s+/g, " ").replace(/[。；;，,\s]+$/u, "").trim();

/** The sentence a disputed row is quoted with, in 存在问题 and in the 核定情况表. */
export function disputeSentence(row: VerificationRow): string {
  const r = row.record!;
  const what = row.kind === "score" ? `“${row.criterion}”自评得分 ${row.countyValue} 分，核定为 ${r.score} 分` : `“${row.label}”自评为 ${row.countyValue}，核定为 ${r.value}`;
  return `${what}（${strip(r.reason ?? "")}）。`;
}

/**
 * The draft a new feedback starts from: 主要成效 from the verification's overall picture, 存在问题 from the
 * reviewer's comments marked as findings, the unmet indicators and the disputed items, and one 整改要求 per problem,
 * each due on `deadline`. All of it is editable before sending.
 */
export function prefillFeedback(input: { countyName: string; rows: VerificationRow[]; findings: FindingView[]; deadline: string }): Pick<FeedbackView, "achievements" | "problems" | "requirements" | "deadline"> {
  const { rows, findings, deadline } = input;
  const indicators = rows.filter((r) => r.kind === "indicator");
  const met = indicators.filter((r) => r.status === "达标").length;
  const agreed = rows.filter((r) => r.record?.verdict === "agree").length;
  const disputed = rows.filter(isDisputed);
  const achievements = [
    `${input.countyName}认真开展履行教育职责自评工作，按要求报送了自评报告及佐证材料。`,
    `经审核核定，自评报告所列 ${indicators.length} 项指标中 ${met} 项达到评价标准；共核定 ${agreed + disputed.length} 项，其中 ${agreed} 项同意自评结果${disputed.length ? `，${disputed.length} 项核定结果与自评不一致` : ""}。`,
  ].join("\n");
  const problems: string[] = [
    ...findings.map((f) => `${strip(f.heading)}${f.anchorLabel ? `（${strip(f.anchorLabel)}）` : ""}：${strip(f.body)}。`),
    ...indicators.filter((r) => r.unmet && !isDisputed(r)).map((r) => `“${r.label}”为 ${r.countyValue}，未达到${r.standard}的评价标准。`),
    ...disputed.map(disputeSentence),
  ];
  const requirements = problems.map((p): TRequirement => ({ text: `针对${p.replace(/。$/u, "")}的问题，制定整改措施，明确责任单位和责任人，按期完成整改。`, deadline }));
  return { achievements, problems: problems.map((p, i) => `${i + 1}.${p}`).join("\n"), requirements, deadline };
}

/** Three months after `today` ("YYYY-MM-DD"), the end of that month: the default rectification deadline. */
export function defaultDeadline(today: string): string {
  const [y, m] = today.split("-").map(Number);
  const month = m + 3;
  const year = y + Math.floor((month - 1) / 12);
  const mm = ((month - 1) % 12) + 1;
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return `${year}-${String(mm).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
}

/** "运城市" → "运城市人民政府教育督导室": the issuing office of a reviewer level's feedback. */
export const inspectorateOf = (regionName: string) => `${regionName}人民政府教育督导室`;
