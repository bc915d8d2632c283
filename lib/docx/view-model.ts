// Report content → what the Word file prints. Pure: the export route, the CLI and the tests all call this with the
// stored sections, so the file never depends on where it was made.
import { evaluateReport } from "@/lib/report/evaluate";
import { figureWords } from "@/lib/report/figure-words";
import { emptyContent, type SectionContent, type TMetaContent, type TProblemsContent } from "@/lib/report/content";
import type { TScheme } from "@/lib/template/schema";
import { chineseDate } from "@/lib/docx/dates";
import { singleLine } from "@/lib/docx/text";
import { breakTitle } from "@/lib/docx/title-break";
import type { ReportViewModel } from "@/lib/docx/types";
import { indicatorAnnex, problemAnnex } from "@/lib/docx/vm-annexes";
import { partViews } from "@/lib/docx/vm-parts";
import { schoolTableAnnexes } from "@/lib/docx/vm-schools";
import { scoreAnnex } from "@/lib/docx/vm-scores";
import { withScores } from "@/lib/docx/vm-score-text";
import { wordComments, type ThreadForExport } from "@/lib/docx/vm-comments";
import { indicatorAnnexNotes } from "@/lib/docx/vm-notes";
import { richBlocks } from "@/lib/docx/vm-rich";

export type ReportViewModelInput = {
  scheme: TScheme;
  contents: Record<string, SectionContent | undefined>;
  countyName: string;
  /** Review threads to include as Word comments (reviewers may choose to). */
  comments?: ThreadForExport[];
};

/** "运城市人民政府教育督导室" → "运城市人民政府教育督导室：" (one full-width colon, however it was typed). */
export function recipientLine(raw: string): string {
  const names = singleLine(raw).replace(/[：:\s]+$/u, "");
  return names ? `${names}：` : "";
}

export function buildReportViewModel({ scheme, contents, countyName, comments = [] }: ReportViewModelInput): ReportViewModel {
  const figuresOf = evaluateReport(scheme, contents);
  const { defs: sections, computed, scores, results } = figuresOf;
  const words = figureWords(scheme, figuresOf);
  const figures = words.figure;
  const notes = { computed, words };
  const meta = (contents.meta as TMetaContent | undefined) ?? emptyContent.meta();
  const issuer = singleLine(meta.issuer);
  // An untitled draft still exports: the scheme's own wording stands in, so the page never starts blank.
  const title = singleLine(meta.title) || `${singleLine(countyName)}${scheme.year}年履行教育职责评价自评报告`;
  const problems = sections.find((s) => s.kind === "problems");
  // A scored report's 自评得分表 is 附件2; the problem list and the school tables move up one.
  const scoreSheet = scoreAnnex(scheme, scores, results, "附件2");
  const schools = schoolTableAnnexes(sections, contents, scoreSheet ? 4 : 3);
  const problemAnnexView = problemAnnex(problems && (contents[problems.key] as TProblemsContent | undefined), figures);
  const text = withScores(scheme, scores, results, { preamble: richBlocks(meta.preamble, figures).map((b) => b.text), parts: partViews(scheme, sections, contents, figures, notes) });
  return {
    title,
    titleLines: breakTitle(title, { keep: [issuer, singleLine(countyName)] }),
    recipient: recipientLine(meta.recipient),
    preamble: text.preamble,
    parts: text.parts,
    signature: { issuer, date: chineseDate(meta.date) },
    annexes: {
      indicators: indicatorAnnex(sections, computed, indicatorAnnexNotes(sections, contents, notes)),
      ...(scoreSheet ? { scores: scoreSheet } : {}),
      problems: scoreSheet ? { ...problemAnnexView, label: "附件3" } : problemAnnexView,
      ...(schools.length ? { schools } : {}),
    },
    comments: wordComments(comments),
    // The 成文日期 when set, else the scheme year's first day: never the clock, so exports are reproducible.
    createdAt: /^\d{4}-\d{2}-\d{2}$/.test(meta.date) ? `${meta.date}T00:00:00Z` : `${scheme.year}-01-01T00:00:00Z`,
  };
}
