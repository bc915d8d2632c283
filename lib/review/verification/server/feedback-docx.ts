import "server-only";
// A feedback as its Word file: the view model from the stored (or pre-filled) feedback and the level's 核定, issued
// by the reviewer level's 督导室 (region name + 人民政府教育督导室) to the county's 人民政府. A reviewer downloads
// their level's (draft or sent); a county user only a sent one.
import type { Readable } from "node:stream";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/server/guards";
import { countiesInScope } from "@/lib/auth/server/scope";
import { chineseDate } from "@/lib/docx/dates";
import { renderFeedbackDocx, type FeedbackViewModel, type VerificationAnnexRow } from "@/lib/docx/feedback";
import { feedbackFileName } from "@/lib/docx/file-name";
import { singleLine } from "@/lib/docx/text";
import { breakTitle } from "@/lib/docx/title-break";
import type { Block } from "@/lib/docx/types";
import { invalid, notFound } from "@/lib/errors";
import { streamDocxZip } from "@/lib/export/docx-zip";
import { levelTwoLabel } from "@/lib/template/numbering";
import { evidenceText, inspectorateOf, verifiedText, type FeedbackView, type VerificationRow } from "@/lib/review/verification/view";
import { loadFeedback } from "@/lib/review/verification/server/feedback";

const paragraphs = (text: string): Block[] =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((t) => ({ kind: "paragraph", text: t }));

export function feedbackViewModel(input: { countyName: string; year: number; issuerRegion: string; feedback: FeedbackView; rows: VerificationRow[] }): FeedbackViewModel {
  const { feedback: f, rows } = input;
  const county = singleLine(input.countyName);
  const issuer = inspectorateOf(singleLine(input.issuerRegion));
  const title = `关于${county}${input.year}年履行教育职责自评工作的督导反馈意见`;
  const deadline = f.deadline ? chineseDate(f.deadline) : "";
  const requirements: Block[] = f.requirements.map((r, i) => ({ kind: "paragraph", text: `${levelTwoLabel(i + 1)}${singleLine(r.text).replace(/[。；;]$/u, "")}。完成时限：${chineseDate(r.deadline)}。` }));
  if (deadline) requirements.push({ kind: "paragraph", text: `请你县于${deadline}前完成整改，并将整改情况书面报送${issuer}。` });
  const verified = rows.filter((r) => r.record);
  const annexRows: VerificationAnnexRow[] = verified.map((r) => ({
    criterion: singleLine(r.criterion),
    item: singleLine(r.label),
    county: r.countyValue,
    verified: r.record!.verdict === "agree" ? "同意" : verifiedText(r),
    opinion: r.record!.verdict === "agree" ? "" : [singleLine(r.record!.reason ?? ""), evidenceText(r.record!)].filter(Boolean).join("；"),
  }));
  return {
    title,
    titleLines: breakTitle(title, { keep: [county] }),
    recipient: `${county}人民政府：`,
    preamble: [`根据履行教育职责评价工作安排，${issuer}对你县${input.year}年履行教育职责自评报告及佐证材料进行了审核，对各项指标和得分进行了核定。现将督导反馈意见通知如下。`],
    parts: [
      { heading: "一、主要成效", blocks: paragraphs(f.achievements) },
      { heading: "二、存在问题", blocks: paragraphs(f.problems) },
      { heading: "三、整改要求", blocks: requirements.length ? requirements : [{ kind: "paragraph", text: "无。" }] },
    ],
    signature: { issuer, date: f.date ? chineseDate(f.date) : "" },
    ...(annexRows.length ? { annex: { label: "附件", title: "核定情况表", rows: annexRows } } : {}),
    createdAt: f.date ? `${f.date}T00:00:00Z` : `${input.year}-01-01T00:00:00Z`,
  };
}

/** The feedback's .docx for the actor (404 when there is none they may read). */
export async function feedbackDocx(db: Db, actor: Actor, reportId: string): Promise<{ fileName: string; bytes: Buffer }> {
  const page = await loadFeedback(db, actor, reportId);
  if (!page.feedback || !page.level) throw notFound("督导反馈意见书");
  const report = await db.report.findUniqueOrThrow({ where: { id: reportId }, select: { year: true, county: { select: { name: true, parent: { select: { name: true, parent: { select: { name: true } } } } } } } });
  // The issuing office is the level's region: the county's city, or its province.
  const city = report.county.parent;
  const issuerRegion = page.level === "city" ? (city?.name ?? actor.region.name) : (city?.parent?.name ?? actor.region.name);
  const vm = feedbackViewModel({ countyName: report.county.name, year: report.year, issuerRegion, feedback: page.feedback, rows: page.rows });
  return { fileName: feedbackFileName(report.county.name, report.year), bytes: await renderFeedbackDocx(vm) };
}

/**
 * One feedback per county of a city (or of the actor's whole region) for a year, as a streamed zip: each county's
 * report read with the actor's access check; a county without a report under review is left out.
 */
export async function streamFeedbackZip(db: Db, actor: Actor, input: { year: number; city?: string }): Promise<{ count: number; stream: Readable }> {
  requirePermission(actor, "report:review");
  const scope = countiesInScope(actor);
  const reports = await db.report.findMany({
    where: { year: input.year, status: { in: ["submitted", "accepted"] }, county: input.city ? { ...scope, parentCode: input.city } : scope },
    orderBy: { county: { path: "asc" } },
    select: { id: true },
  });
  // Only reports the actor has a feedback for (their level reached, or one sent): the zip never fails half-way.
  const ready: { id: string }[] = [];
  for (const r of reports) if ((await loadFeedback(db, actor, r.id)).feedback) ready.push(r);
  if (!ready.length) throw invalid("所选范围内没有可出具督导反馈意见书的自评报告");
  const stream = streamDocxZip(ready, async (r) => {
    const { fileName, bytes } = await feedbackDocx(db, actor, r.id);
    return { name: fileName, bytes };
  });
  return { count: ready.length, stream };
}
