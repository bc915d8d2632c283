"use client";
// Table rows virtualised in their scroll box (@tanstack/react-virtual): only the rows in or near view are in the
// page. The server renders the first screenful (the box is assumed a laptop's height until the browser measures it);
// the browser renders the rest as the person scrolls. The table keeps saying how many rows it has: put
// `aria-rowcount={count + 1}` on it and `aria-rowindex={1}` on the header row; each shown row gets its own index.
import { useState, type ReactNode } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";

type Options = {
  count: number;
  /** A row's height in pixels before it is measured (with its border). */
  rowHeight: number;
  /** The header row's height in pixels: rows start below it. */
  headerHeight: number;
  /** Columns, for the spacer rows that stand for the rows not shown. */
  columns: number;
};

export function useVirtualRows({ count, rowHeight, headerHeight, columns }: Options) {
  // The scroll box, held in state through a callback ref: the virtualizer needs it after the first render.
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  // The virtualizer re-renders this component itself as the box scrolls; nothing here is memoised (no React Compiler).
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count,
    getScrollElement: () => box,
    estimateSize: () => rowHeight,
    paddingStart: headerHeight,
    initialRect: { width: 1366, height: 600 },
    overscan: 8,
  });
  const shown = rows.getVirtualItems();
  const spacer = (height: number, key: string): ReactNode =>
    height > 0 ? (
      <tr key={key} aria-hidden>
        <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
      </tr>
    ) : null;
  return {
    /** The scroll box's ref. */
    box: setBox,
    /** Indices of the rows to render, in order. */
    indices: shown.map((v) => v.index),
    /** Props for the row at `index`: measured once in the page, with its place among all rows. */
    rowProps: (index: number) => ({ "data-index": index, ref: rows.measureElement, "aria-rowindex": index + 2 }),
    /** The spacer rows to put before and after the shown ones. */
    before: spacer(shown.length ? shown[0].start - headerHeight : 0, "before"),
    after: spacer(shown.length ? rows.getTotalSize() - shown[shown.length - 1].end : 0, "after"),
  };
}
