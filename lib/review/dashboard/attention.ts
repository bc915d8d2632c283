// The reviewer's "需要我处理" queue as plain data: items of typed kinds, each from one source
// (lib/review/dashboard/server/attention.ts). A kind is a row of this table, so a new source (核定有异议 from the
// verification, 整改逾期 from the rectification ledger — issue 16 items 1 and 3) is one entry here and one function
// there; the page lists whatever kinds have items, in this order.
export const ATTENTION_KINDS = {
  submitted: { label: "待我审核", hint: "已提交到您这一级、等待审核的报告" },
  question: { label: "县区提问待答复", hint: "县区提出或回复、督导尚未答复的意见" },
  disputed: { label: "核定有异议", hint: "本级核定与县区填报不一致、反馈意见书尚未发送的报告" },
  overdue: { label: "整改逾期 / 待复核", hint: "已过整改期限仍未完成、或县区已处理等待复核的整改事项" },
} as const satisfies Record<string, { label: string; hint: string }>;

export type AttentionKind = keyof typeof ATTENTION_KINDS;
export const ATTENTION_KIND_KEYS = Object.keys(ATTENTION_KINDS) as [AttentionKind, ...AttentionKind[]];

export type AttentionItem = {
  kind: AttentionKind;
  /** Unique within the queue, e.g. "submitted:<reportId>". */
  key: string;
  county: { code: string; name: string; path: string };
  /** "2021 年自评报告 · 第 2 次提交". */
  title: string;
  /** One line of context: the question's start, the section, the deadline. */
  detail: string;
  /** Since when it waits: oldest first. */
  since: Date;
  href: string;
};

export type AttentionQueue = { items: AttentionItem[]; counts: Record<AttentionKind, number> };

/** The items, oldest first within the queue, and counts per kind. */
export function queueOf(items: AttentionItem[]): AttentionQueue {
  const counts = Object.fromEntries(ATTENTION_KIND_KEYS.map((k) => [k, 0])) as Record<AttentionKind, number>;
  for (const i of items) counts[i.kind]++;
  return { items: [...items].sort((a, b) => a.since.getTime() - b.since.getTime() || a.key.localeCompare(b.key)), counts };
}
