"use client";
// A client component so that the server sends the matrix as compact data (lib/review/dashboard/matrix.ts) rather
// than as a tree of thousands of server-rendered elements. Its rows are virtualised (components/ui/virtual-rows.tsx):
// a province of 120 counties × 38 indicators puts a screenful of cells in the page, not 4,600.
import Link from "next/link";
import { useVirtualRows } from "@/components/ui/virtual-rows";
import { CELL_MISSING, CELL_UNMET, type MatrixView } from "@/lib/review/dashboard";

// The scroll box is `relative` so the cells' screen-reader texts (absolutely positioned) stay inside it instead of
// widening the page.
// Styles sit on the table, not on each cell, to keep the page light: cells carry only their state (data-unmet,
// data-missing) and an optional <small> for the change from last year.
const TABLE = [
  "border-separate border-spacing-0 text-sm tabular-nums",
  "[&_td]:whitespace-nowrap [&_td]:border-b [&_td]:border-r [&_td]:border-slate-100 [&_td]:px-2 [&_td]:py-1 [&_td]:text-right",
  "[&_td[data-unmet]]:bg-red-100 [&_td[data-unmet]]:font-semibold [&_td[data-unmet]]:text-red-800",
  "[&_td[data-missing]]:text-slate-300",
  "[&_small]:block [&_small]:text-[11px] [&_small]:leading-3 [&_small]:font-normal [&_small]:text-slate-500",
  "[&_tbody_tr:hover_td]:bg-brand-50 [&_tbody_tr:hover_td[data-unmet]]:bg-red-200",
].join(" ");

/** Counties × indicators: the value the report prints, red where it misses the target, and the change from the
 *  county's report of the year before. Header row and county column stay in view while the table scrolls. */
export function DashboardMatrix({ view }: { view: MatrixView }) {
  const { box, indices, rowProps, before, after } = useVirtualRows({ count: view.rows.length, rowHeight: view.twoLines ? 41 : 29, headerHeight: 58, columns: view.columns.length + 1 });
  return (
    <div ref={box} className="relative max-h-[75vh] overflow-auto rounded-md border border-slate-200" tabIndex={0} aria-label="指标一览（可横向滚动）">
      {/* With last year's changes every row gets room for the second line, so rows keep one height. */}
      <table className={`${TABLE} ${view.twoLines ? "[&_td]:h-10" : ""}`} aria-label="指标一览" aria-rowcount={view.rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="sticky top-0 left-0 z-20 min-w-28 border-r border-b border-slate-200 bg-slate-50 px-2 py-1.5 text-left align-bottom text-xs font-medium text-slate-600">
              县（市、区）
            </th>
            {view.columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                title={c.title}
                className="sticky top-0 z-10 w-24 min-w-24 border-r border-b border-slate-200 bg-slate-50 px-2 py-1.5 text-left align-bottom text-xs font-medium text-slate-700"
              >
                <span className="line-clamp-2 leading-4">{c.short}</span>
                <span className="mt-0.5 block truncate font-normal text-slate-500">{c.sub}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {before}
          {indices.map((index) => {
            const row = view.rows[index];
            return (
            <tr key={row.code} {...rowProps(index)}>
              <th scope="row" className="sticky left-0 z-[5] border-r border-b border-slate-200 bg-white px-2 py-1 text-left font-medium whitespace-nowrap">
                <Link href={`/reports/${row.reportId}`} prefetch={false} className="text-brand-700 hover:underline">
                  {row.name}
                </Link>
              </th>
              {row.cells.map((cell, i) => {
                const [text, state, delta, title] = typeof cell === "string" ? [cell, 0, "", ""] : cell;
                return (
                  <td key={i} data-unmet={state === CELL_UNMET || undefined} data-missing={state === CELL_MISSING || undefined} title={title || undefined}>
                    {text}
                    {state === CELL_UNMET ? <span className="sr-only">（未达标）</span> : null}
                    {delta ? <small>{delta}</small> : null}
                  </td>
                );
              })}
            </tr>
            );
          })}
          {after}
        </tbody>
      </table>
    </div>
  );
}
