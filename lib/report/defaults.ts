import type { TScheme } from "@/lib/template/schema";
import type { TMetaContent } from "@/lib/report/content";
import { CONTENT_VERSION } from "@/lib/report/migrate";
import { richFromLines } from "@/lib/report/rich-text";

/** The title and preamble a new report starts with, in the form 公文 use (发文机关 + 关于 + 事由 + 的自评报告). */
export function defaultMeta(scheme: TScheme, countyName: string): TMetaContent {
  const issuer = `${countyName}人民政府办公室`;
  const detail = scheme.detailTitle ? `和《${scheme.detailTitle}》` : "";
  // Schemes for a 督导评估 (优质均衡, 学前普及普惠) name their own subject; the 履职评价 wording is the default.
  if (scheme.report) {
    const scope = scheme.report.scope ?? `${scheme.criteria.length}项评估内容`;
    return {
      v: CONTENT_VERSION,
      title: `${issuer}关于${scheme.report.subject}的自评报告`,
      issuer,
      recipient: "",
      date: "",
      preamble: richFromLines(
        `根据《${scheme.notice.title}》（${scheme.notice.docNumber}）${detail}要求，我县对照${scope}，认真开展自查自评，` +
          `对发现的短板和问题逐项制定整改措施。现将有关情况报告如下：`,
      ),
    };
  }
  return {
    v: CONTENT_VERSION,
    title: `${issuer}关于履行教育职责评价工作的自评报告`,
    issuer,
    recipient: "",
    date: "",
    preamble: richFromLines(
      `根据《${scheme.notice.title}》（${scheme.notice.docNumber}）${detail}要求，我县对照${scheme.criteria.length}项评价重点内容，` +
        `认真开展政府履行教育职责自查自评，对发现的短板和问题逐项制定整改措施。现将有关情况报告如下：`,
    ),
  };
}
