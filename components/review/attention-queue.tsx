import Link from "next/link";
import { formatDateTime } from "@/lib/dates";
import { ATTENTION_KIND_KEYS, ATTENTION_KINDS, type AttentionQueue } from "@/lib/review/dashboard";

/** Items shown before "展开其余": the queue sits above the charts and should not push them off the screen. */
const FIRST = 5;

/** "需要我处理": what waits for this reviewer, oldest first, one line each, with counts per kind. */
export function AttentionQueueList({ queue }: { queue: AttentionQueue }) {
  const kinds = ATTENTION_KIND_KEYS.filter((k) => queue.counts[k] > 0);
  if (!queue.items.length) return <p className="text-sm text-slate-500">目前没有需要您处理的事项。</p>;
  const row = (i: AttentionQueue["items"][number]) => (
    <li key={i.key} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 py-1.5 text-sm">
      <span className="w-28 shrink-0 text-xs text-slate-500">{ATTENTION_KINDS[i.kind].label}</span>
      <Link href={i.href} prefetch={false} className="font-medium text-brand-700 hover:underline">
        {i.county.name}
      </Link>
      <span className="text-slate-700">{i.title}</span>
      <span className="min-w-0 flex-1 truncate text-slate-500" title={i.detail}>
        {i.detail}
      </span>
      <span className="text-xs tabular-nums text-slate-400">{formatDateTime(i.since)}</span>
    </li>
  );
  return (
    <div>
      <p className="mb-2 flex flex-wrap gap-3 text-xs text-slate-600">
        {kinds.map((k) => (
          <span key={k} title={ATTENTION_KINDS[k].hint}>
            {ATTENTION_KINDS[k].label} <strong className="tabular-nums text-slate-900">{queue.counts[k]}</strong>
          </span>
        ))}
      </p>
      <ul aria-label="需要我处理的事项" className="divide-y divide-slate-100">
        {queue.items.slice(0, FIRST).map(row)}
      </ul>
      {queue.items.length > FIRST ? (
        <details>
          <summary className="cursor-pointer py-1 text-sm text-brand-600 hover:underline">展开其余 {queue.items.length - FIRST} 项</summary>
          <ul className="divide-y divide-slate-100">{queue.items.slice(FIRST).map(row)}</ul>
        </details>
      ) : null}
    </div>
  );
}
