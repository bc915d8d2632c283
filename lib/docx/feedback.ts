// The 督导反馈意见书 as a GB/T 9704 Word file, on the report's builder: the same page geometry, styles, title block
// (主送机关 under the title), headings, 落款 and page numbers, and one annex, 核定情况表, printing 自评 and 核定 side by
// side. The view model is plain strings (lib/review/verification/server/feedback-docx.ts fills it); pure.
import { Document, type Paragraph, type Table } from "docx";
import { pageNumberFooters } from "@/lib/docx/footer";
import { portraitSection, TEXT_HEIGHT, TEXT_WIDTH } from "@/lib/docx/layout";
import { annexHead } from "@/lib/docx/parts/annex";
import { blankLine, bodyParagraph, partParagraphs } from "@/lib/docx/parts/blocks";
import { closingKeep, signatureParagraphs, singleAnnexNotice } from "@/lib/docx/parts/closing";
import { fitColumns, type ColumnSpec } from "@/lib/docx/parts/columns";
import { gridTable, type Row } from "@/lib/docx/parts/table";
import { titleParagraphs } from "@/lib/docx/parts/title";
import { packDocument } from "@/lib/docx/pack";
import { REPORT_STYLES } from "@/lib/docx/styles";
import type { AnnexView, PartView } from "@/lib/docx/types";

export type VerificationAnnexRow = { criterion: string; item: string; county: string; verified: string; opinion: string };

export type FeedbackViewModel = {
  title: string;
  titleLines: string[];
  /** "闻喜县人民政府：" */
  recipient: string;
  preamble: string[];
  /** 一、主要成效 / 二、存在问题 / 三、整改要求. */
  parts: PartView[];
  signature: { issuer: string; date: string };
  /** 核定情况表; absent when nothing was verified. */
  annex?: AnnexView<VerificationAnnexRow>;
  createdAt: string;
};

export const VERIFICATION_COLUMNS: ColumnSpec[] = [
  { header: "评价重点", weight: 2 },
  { header: "项目", weight: 3 },
  { header: "自评", align: "number" },
  { header: "核定", align: "number" },
  { header: "核定意见", weight: 3 },
];

function verificationAnnex(annex: AnnexView<VerificationAnnexRow>): (Paragraph | Table)[] {
  const rows: Row[] = annex.rows.map((r, i) => {
    const first = i === 0 || annex.rows[i - 1].criterion !== r.criterion;
    let span = 1;
    while (first && annex.rows[i + span]?.criterion === r.criterion) span++;
    const cells = [r.item, r.county, r.verified, r.opinion].map((text) => ({ text }));
    return first ? { cells: [{ text: r.criterion, rowSpan: span > 1 ? span : undefined }, ...cells], columns: [0, 1, 2, 3, 4] } : { cells, columns: [1, 2, 3, 4] };
  });
  return [...annexHead(annex, true), gridTable(fitColumns(VERIFICATION_COLUMNS, rows, TEXT_WIDTH), rows, { pageHeight: TEXT_HEIGHT })];
}

export function buildFeedbackDocument(vm: FeedbackViewModel): Document {
  const last = vm.parts.length - 1;
  const keep = last >= 0 ? closingKeep(vm.parts[last].blocks) : { count: 0, whole: false };
  const signed = !!(vm.signature.issuer || vm.signature.date);
  return new Document({
    title: vm.title,
    creator: vm.signature.issuer || "自评报告系统",
    lastModifiedBy: vm.signature.issuer || "自评报告系统",
    evenAndOddHeaderAndFooters: true,
    styles: REPORT_STYLES,
    sections: [
      {
        properties: portraitSection,
        footers: pageNumberFooters(),
        children: [
          ...titleParagraphs(vm.titleLines, vm.recipient),
          ...vm.preamble.map((p) => bodyParagraph(p)),
          ...vm.parts.flatMap((part, i) => partParagraphs(part, new Map(), i === last ? keep : undefined)),
          ...(vm.annex ? [blankLine(true), singleAnnexNotice(vm.annex.title, signed)] : []),
          ...signatureParagraphs(vm.signature.issuer, vm.signature.date),
          ...(vm.annex ? verificationAnnex(vm.annex) : []),
        ],
      },
    ],
  });
}

export const renderFeedbackDocx = (vm: FeedbackViewModel): Promise<Buffer> => packDocument(buildFeedbackDocument(vm), vm);
