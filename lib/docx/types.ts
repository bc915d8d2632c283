// The view model: everything the Word file prints, as plain strings, already numbered, normalised and with figures
// filled in. The docx builder only lays it out, so what the report says is decided (and tested) here, and layout
// tests need no scheme.

import type { SchoolTableAnnexes } from "@/lib/docx/vm-schools";
import type { ScoreAnnex } from "@/lib/docx/vm-scores";

export type HeadingLevel = 1 | 2 | 3 | 4;

/** Part of a paragraph; bold where the writer made it bold. */
export type Run = { text: string; bold?: boolean };

/** `sectionKey` marks the heading that opens a report section: review comments on that section attach there. A
 *  paragraph has `runs` only when part of it is bold (lib/docx/vm-rich.ts); `text` is always the whole text. */
export type Block =
  | { kind: "heading"; level: HeadingLevel; text: string; sectionKey?: string }
  | { kind: "paragraph"; text: string; runs?: Run[] };

/** A level-1 part of the report: "一、基本情况" and what follows it. */
export type PartView = { heading: string; blocks: Block[]; sectionKey?: string };

/**
 * A review comment as a native Word comment; replies name their thread's root in `parentId`. `resolved` marks every
 * comment of a resolved thread (commentsExtended.xml w15:done), so Word shows the thread as resolved.
 */
export type WordComment = { id: number; parentId?: number; sectionKey: string; author: string; initials: string; date: string; text: string; resolved: boolean };

export type IndicatorRow = {
  /** The 评价重点 the indicator belongs to, e.g. "（七）民办义务教育发展情况". */
  criterion: string;
  indicator: string;
  value: string;
  target: string;
  /** 达标 / 未达标 / 未填写 / — */
  status: string;
};

export type MeasureRow = { text: string; leadUnit: string; owner: string; deadline: string; status: string };
export type ProblemRow = { no: number; problem: string; measures: MeasureRow[] };

/** `notes` print under the table ("注：…"): stated results with their source, 数据来源/统计口径, 情况说明. */
export type AnnexView<Row> = { label: string; title: string; rows: Row[]; notes?: string[] };

/** What the 签章页/版本页 of a PDF copy prints (lib/docx/parts/version-page.ts); every value already formatted. */
export type VersionPageView = {
  title: string;
  /** e.g. "第 137 次保存（各部分版本之和）" */
  version: string;
  /** e.g. "第 2 次提交，2021/11/15 10:00（北京时间）", or "尚未提交（草稿）" */
  submission: string;
  docxFileName: string;
  docxSha256: string;
};

export type ReportViewModel = {
  /** The title as printed, one entry per line. */
  titleLines: string[];
  /** The title on one line (document properties, messages). */
  title: string;
  /** 主送机关 as printed under the title, with its closing "：", or "" when the report names none. */
  recipient: string;
  preamble: string[];
  parts: PartView[];
  /** 发文机关署名 and 成文日期 ("2021年11月10日", or "" when not set). */
  signature: { issuer: string; date: string };
  annexes: {
    indicators: AnnexView<IndicatorRow>;
    /** 自评得分表 (附件2, the others moving up one), for scored schemes only. */
    scores?: ScoreAnnex;
    problems: AnnexView<ProblemRow>;
    /** Per-school tables (附件3 on), absent without one. */
    schools?: SchoolTableAnnexes[];
  };
  /** Review comments, included only when the person exporting asks for them. */
  comments: WordComment[];
  /** Fixes the file's creation date so that the same report always gives the same file. */
  createdAt: string;
};
