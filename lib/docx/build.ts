// View model → docx Document. Two sections continue one page numbering: the text and 附件1 in portrait on the
// 22 × 28 grid, and 附件2 (the wide 问题整改清单) in landscape, whose number is turned onto the sheet's foot.
import { Document, Paragraph, SectionType } from "docx";
import { landscapePageNumberFooters, pageNumberFooters } from "@/lib/docx/footer";
import { landscapeSection, portraitSection } from "@/lib/docx/layout";
import { indicatorAnnex, problemAnnex } from "@/lib/docx/parts/annex";
import { bodyParagraph, commentsBySection, partParagraphs } from "@/lib/docx/parts/blocks";
import { closingKeep, closingParagraphs } from "@/lib/docx/parts/closing";
import { schoolTableAnnex } from "@/lib/docx/parts/school-annex";
import { scoreAnnexParagraphs } from "@/lib/docx/parts/score-annex";
import { titleParagraphs } from "@/lib/docx/parts/title";
import { needsResolvedPart, paraIdOf } from "@/lib/docx/comments-extended";
import { REPORT_STYLES } from "@/lib/docx/styles";
import type { ReportViewModel, VersionPageView } from "@/lib/docx/types";
import { noPageNumber, versionPage as versionPageParagraphs } from "@/lib/docx/parts/version-page";
import { wordLocalDate } from "@/lib/dates";

/** `versionPage` adds the 签章页/版本页 of a PDF copy as a last, unnumbered portrait section. */
export function buildReportDocument(vm: ReportViewModel, versionPage?: VersionPageView): Document {
  const comments = commentsBySection(vm.comments);
  const last = vm.parts.length - 1;
  const keep = last >= 0 ? closingKeep(vm.parts[last].blocks) : { count: 0, whole: false };
  const text = [
    ...titleParagraphs(vm.titleLines, vm.recipient),
    ...vm.preamble.map((p) => bodyParagraph(p)),
    ...vm.parts.flatMap((part, i) => partParagraphs(part, comments, i === last ? keep : undefined)),
    ...closingParagraphs(vm),
    ...indicatorAnnex(vm.annexes.indicators),
    ...(vm.annexes.scores ? scoreAnnexParagraphs(vm.annexes.scores) : []),
  ];
  return new Document({
    title: vm.title,
    creator: vm.signature.issuer || "自评报告系统",
    lastModifiedBy: vm.signature.issuer || "自评报告系统",
    evenAndOddHeaderAndFooters: true,
    styles: REPORT_STYLES,
    ...(vm.comments.length
      ? {
          comments: {
            children: vm.comments.map((c) => ({
              id: c.id,
              parentId: c.parentId,
              author: c.author,
              initials: c.initials,
              date: wordLocalDate(c.date),
              resolved: c.resolved,
              // A durableId makes docx write each comment's w14:paraId, which commentsExtended.xml refers to.
              ...(needsResolvedPart(vm.comments) ? { durableId: paraIdOf(c.id) } : {}),
              children: c.text.split("\n").map((line) => new Paragraph(line)),
            })),
          },
        }
      : {}),
    sections: [
      { properties: portraitSection, footers: pageNumberFooters(), children: text },
      {
        properties: { ...landscapeSection, type: SectionType.NEXT_PAGE },
        footers: landscapePageNumberFooters(),
        // 附件3 on (per-school tables and their 差异系数) follow 附件2 on landscape pages of the same section.
        children: [...problemAnnex(vm.annexes.problems), ...(vm.annexes.schools ?? []).flatMap(schoolTableAnnex)],
      },
      ...(versionPage
        ? [{ properties: { ...portraitSection, type: SectionType.NEXT_PAGE }, footers: noPageNumber(), children: versionPageParagraphs(versionPage) }]
        : []),
    ],
  });
}
