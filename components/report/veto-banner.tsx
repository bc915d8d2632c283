// For reviewers, before anything else on the report page: the 一票否决 answers, triggered ones first. A county that
// answered "是" to any of them cannot pass, so a reviewer should know it before reading the rest.
import Link from "next/link";
import type { VetoAnswerView } from "@/lib/report/veto";

export function VetoBanner({ reportId, items }: { reportId: string; items: VetoAnswerView[] }) {
  if (!items.length) return null;
  const triggered = items.filter((v) => v.status === "triggered");
  const unanswered = items.filter((v) => v.status === "unanswered");
  const tone = triggered.length ? "border-red-300 bg-red-50 text-red-900" : unanswered.length ? "border-amber-200 bg-amber-50 text-amber-900" : "border-emerald-200 bg-emerald-50 text-emerald-900";
  const href = `/reports/${reportId}?s=${encodeURIComponent(items[0].sectionKey)}`;
  return (
    <section aria-label="一票否决事项" data-testid="veto-banner" className={`mb-4 rounded-md border px-4 py-3 text-sm ${tone}`}>
      <p className="font-semibold">
        一票否决事项：
        {triggered.length ? `${triggered.length} 项回答“是”（触发否决）` : unanswered.length ? "无触发项" : `全部 ${items.length} 项均回答“否”`}
        {unanswered.length ? `，${unanswered.length} 项尚未回答` : ""}
        <Link href={href} className="ml-3 font-normal text-brand-700 underline">
          查看全部回答
        </Link>
      </p>
      {triggered.length || unanswered.length ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {[...triggered, ...unanswered].map((v) => (
            <li key={v.key}>
              <span className={v.status === "triggered" ? "font-medium text-red-800" : ""}>{v.status === "triggered" ? "【是】" : "【未回答】"}</span>
              {v.question}
              {v.status === "triggered" && v.explanation ? <span className="text-slate-700">：{v.explanation}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
