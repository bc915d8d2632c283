"use client";
// The dashboard's charts in the browser. The options come from the server as data (lib/review/dashboard/charts.ts);
// this component loads ECharts on demand (import() after mount: its ~170 kB gzipped stay out of the page's first load),
// draws each chart, and offers per chart a PNG download and its data as a table (the accessible alternative). The
// "Excel（含图表）" button posts the drawn PNGs with the view's query; the server rebuilds the same data and puts
// image and table side by side in the workbook (decision 029).
import { useCallback, useEffect, useRef, useState } from "react";
import type { EChartsType } from "echarts/core";
import type { ChartSpec } from "@/lib/review/dashboard";
import { Button } from "@/components/ui/button";
import { Folded } from "@/components/ui/folded";

type Loaded = { init: (typeof import("@/components/review/echarts-setup"))["init"] };
let loading: Promise<Loaded> | null = null;
const loadECharts = () => (loading ??= import("@/components/review/echarts-setup"));

const PNG = { type: "png", pixelRatio: 2, backgroundColor: "#ffffff" } as const;

function ChartTable({ spec }: { spec: ChartSpec }) {
  return (
    // Folded until asked for: a province's tables (120 counties each) are not rendered with every page.
    <Folded className="mt-2 text-sm" summaryClassName="cursor-pointer text-brand-600 hover:underline" summary="查看数据表">
      <div className="mt-2 max-h-72 overflow-auto">
        <table className="w-full border-collapse text-xs [&_td]:border-b [&_td]:border-slate-100 [&_td]:px-2 [&_td]:py-1 [&_th]:bg-slate-50 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left">
          <caption className="sr-only">{spec.title}</caption>
          <thead>
            <tr>{spec.table.head.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
          </thead>
          <tbody>
            {spec.table.rows.map((r, i) => (
              <tr key={i}>{r.map((v, j) => <td key={j} className={typeof v === "number" ? "text-right tabular-nums" : ""}>{v ?? "—"}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </Folded>
  );
}

function Chart({ spec, register }: { spec: ChartSpec; register: (id: string, chart: EChartsType | null) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let gone = false;
    let observer: ResizeObserver | undefined;
    loadECharts()
      .then(({ init }) => {
        if (gone || !box.current) return;
        const c = init(box.current, undefined, { renderer: "canvas" });
        c.setOption(spec.option);
        chart.current = c;
        register(spec.id, c);
        box.current.dataset.ready = "1";
        observer = new ResizeObserver(() => c.resize());
        observer.observe(box.current);
      })
      .catch(() => setFailed(true));
    return () => {
      gone = true;
      observer?.disconnect();
      register(spec.id, null);
      chart.current?.dispose();
      chart.current = null;
    };
  }, [spec, register]);
  const download = () => {
    if (!chart.current) return;
    const a = document.createElement("a");
    a.href = chart.current.getDataURL(PNG);
    a.download = `${spec.title}.png`;
    a.click();
  };
  // Scores and grades pair up on a line; every other chart needs the width (120 bars, 11 cities, 38 indicators).
  const wide = spec.kind !== "scores" && spec.kind !== "grades";
  return (
    <figure className={`rounded-md border border-slate-200 p-3 ${wide ? "lg:col-span-2" : ""}`} data-testid={`chart-${spec.id}`}>
      <figcaption className="mb-1 flex items-start justify-between gap-3">
        <span className="text-sm font-medium text-slate-800">{spec.title}</span>
        <button type="button" onClick={download} className="shrink-0 text-xs text-brand-600 hover:underline">
          下载图片
        </button>
      </figcaption>
      <div ref={box} role="img" aria-label={`${spec.title}：${spec.description}`} style={{ height: spec.height }} className="w-full" />
      {failed ? <p className="text-sm text-red-700">图表加载失败，请查看下面的数据表。</p> : null}
      <ChartTable spec={spec} />
    </figure>
  );
}

export function DashboardCharts({ charts, xlsxUrl, fileName }: { charts: ChartSpec[]; xlsxUrl: string; fileName: string }) {
  const drawn = useRef(new Map<string, EChartsType>());
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const register = useCallback((id: string, c: EChartsType | null) => {
    if (c) drawn.current.set(id, c);
    else drawn.current.delete(id);
  }, []);

  async function exportWithCharts() {
    setState({ busy: true, error: null });
    try {
      const images = charts.flatMap((s) => {
        const c = drawn.current.get(s.id);
        return c ? [{ id: s.id, png: c.getDataURL(PNG) }] : [];
      });
      const res = await fetch(xlsxUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ images }) });
      if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { error?: string } | null)?.error ?? "导出失败，请稍后重试");
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: false, error: null });
    } catch (e) {
      setState({ busy: false, error: e instanceof Error ? e.message : "导出失败，请稍后重试" });
    }
  }

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-500">红色柱为未达到目标，虚线为目标值；县区较多时拖动图下的滑块查看其余县区。每张图下可展开数据表。</p>
        <Button type="button" variant="secondary" onClick={exportWithCharts} disabled={state.busy}>
          {state.busy ? "正在导出…" : "导出 Excel（含图表）"}
        </Button>
      </div>
      {state.error ? <p role="alert" className="mb-2 text-sm text-red-700">{state.error}</p> : null}
      <div className="grid gap-3 lg:grid-cols-2">
        {charts.map((c) => (
          <Chart key={c.id} spec={c} register={register} />
        ))}
      </div>
    </div>
  );
}
