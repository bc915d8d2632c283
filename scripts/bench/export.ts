// Word export speed, in-process and warm: our builder against pandoc converting the same content from Markdown
// (a whole process, as an operator would run it) and against raw zlib deflate of the same document XML (the floor:
// any .docx is at least a deflated XML file); and 120 reports rendered on the render pool, streamed as one zip.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { deflateRawSync } from "node:zlib";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { renderReportDocx } from "@/lib/docx/pack";
import type { ReportViewModel } from "@/lib/docx/types";
import { streamDocxZip } from "@/lib/export/docx-zip";
import { closeRenderPool, renderInPool, renderThreads } from "@/lib/export/render-pool";
import { demoReportContents } from "@/lib/seed/demo-report";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { percentile } from "./load";

type Metric = { name: string; db: "none"; concurrency: number; unit: string; value: number };

function markdownOf(vm: ReportViewModel): string {
  const lines = [`# ${vm.title}`, "", ...vm.preamble.flatMap((p) => [p, ""])];
  for (const part of vm.parts) {
    lines.push(`## ${part.heading}`, "");
    for (const b of part.blocks) lines.push(b.kind === "heading" ? `${"#".repeat(b.level + 1)} ${b.text}` : b.text, "");
  }
  lines.push(`## ${vm.annexes.indicators.title}`, "", "| 评价重点 | 指标 | 数值 | 目标 | 结果 |", "|---|---|---|---|---|");
  for (const r of vm.annexes.indicators.rows) lines.push(`| ${r.criterion} | ${r.indicator} | ${r.value} | ${r.target} | ${r.status} |`);
  return lines.join("\n");
}

const time = async (fn: () => unknown, runs: number) => {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return percentile(samples, 50);
};

export async function benchExport(): Promise<Metric[]> {
  const vm = buildReportViewModel({ scheme: SHANXI_2021_COUNTY, contents: demoReportContents(SHANXI_2021_COUNTY), countyName: "闻喜县" });
  for (let i = 0; i < 5; i++) await renderReportDocx(vm); // warm up
  const ours = await time(() => renderReportDocx(vm), 30);
  const metrics: Metric[] = [{ name: "export_ms_median", db: "none", concurrency: 1, unit: "ms", value: round(ours) }];

  const dir = mkdtempSync(path.join(os.tmpdir(), "edu-export-bench-"));
  try {
    const docx = await renderReportDocx(vm);
    writeFileSync(path.join(dir, "report.docx"), docx);
    const xml = execFileSync("unzip", ["-p", path.join(dir, "report.docx"), "word/document.xml"]);
    const deflate = await time(() => deflateRawSync(xml), 50);
    metrics.push({ name: "export_vs_deflate_ratio", db: "none", concurrency: 1, unit: "x", value: round(ours / deflate) });

    if (spawnSync("pandoc", ["--version"]).status === 0) {
      const md = path.join(dir, "report.md");
      writeFileSync(md, markdownOf(vm));
      const pandoc = await time(() => execFileSync("pandoc", [md, "-o", path.join(dir, "pandoc.docx")]), 10);
      metrics.push({ name: "export_vs_pandoc_speedup", db: "none", concurrency: 1, unit: "x", value: round(pandoc / ours) });
    } else {
      console.warn("未安装 pandoc（Debian 软件包 pandoc），跳过 export_vs_pandoc_speedup。");
    }

    // The same path as a region's download (lib/export/reports-zip.ts) minus the database: 120 different reports
    // rendered on the render pool, stored in one streamed zip. The pool's start (threads loading the builder and
    // rendering their first report) is measured apart: the server pays it once per quiet minute, and from source,
    // as here, tsx compiles the worker's modules, which the bundled server does not.
    await closeRenderPool();
    const started = performance.now();
    await Promise.all([renderInPool(vm), renderInPool(vm)]);
    metrics.push({ name: "render_pool_start_ms", db: "none", concurrency: renderThreads(), unit: "ms", value: round(performance.now() - started) });
    const t0 = performance.now();
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done();
      },
    });
    const reports = Array.from({ length: 120 }, (_, i) => i + 1);
    await pipeline(
      streamDocxZip(reports, async (i) => ({ name: `县${i}-2021-自评报告.docx`, bytes: await renderInPool({ ...vm, title: `${vm.title}（${i}）` }) })),
      sink,
    );
    metrics.push({ name: "batch_export_120_s", db: "none", concurrency: renderThreads(), unit: "s", value: round((performance.now() - t0) / 1000) });
    console.log(`（120 份报告的 zip：${Math.round(bytes / 1024)} KB）`);
  } finally {
    await closeRenderPool();
    rmSync(dir, { recursive: true, force: true });
  }
  return metrics;
}

const round = (x: number) => Math.round(x * 100) / 100;
