// The region zip's machinery without a database: files rendered on the pool's worker threads are byte for byte the
// in-process ones, come out in the given order under unique names, and a failed render fails the download.
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, describe, expect, it } from "vitest";
import { renderReportDocx } from "@/lib/docx/pack";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { unzip } from "@/lib/docx/testing/unzip";
import { streamDocxZip } from "@/lib/export/docx-zip";
import { closeRenderPool, renderInPool, renderThreads } from "@/lib/export/render-pool";
import { demoReportContents } from "@/lib/seed/demo-report";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

const vm = buildReportViewModel({ scheme: SHANXI_2021_COUNTY, contents: demoReportContents(SHANXI_2021_COUNTY), countyName: "闻喜县" });

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(stream, new Writable({ write: (chunk: Buffer, _enc, done) => (chunks.push(chunk), done()) }));
  return Buffer.concat(chunks);
}

describe("streamDocxZip with the render pool", () => {
  afterAll(closeRenderPool);

  it("stores each pool-rendered .docx as the in-process render would write it, in order, with unique names", async () => {
    const titles = ["甲", "乙", "丙", "丁", "戊"];
    const zip = await collect(
      streamDocxZip(titles, async (t) => ({ name: t === "丁" ? "甲.docx" : `${t}.docx`, bytes: await renderInPool({ ...vm, title: t }) })),
    );
    const files = unzip(zip);
    expect([...files.keys()]).toEqual(["甲.docx", "乙.docx", "丙.docx", "甲-2.docx", "戊.docx"]);
    for (const [name, title] of [["乙.docx", "乙"], ["甲-2.docx", "丁"]] as const) {
      expect(files.get(name)!.equals(await renderReportDocx({ ...vm, title })), name).toBe(true);
    }
    expect(renderThreads()).toBeGreaterThan(0);
  }, 60_000);

  it("fails the download when a file cannot be rendered", async () => {
    const stream = streamDocxZip([1, 2, 3], async (i) => {
      if (i === 2) throw new Error("无法生成");
      return { name: `${i}.docx`, bytes: await renderInPool(vm) };
    });
    await expect(collect(stream)).rejects.toThrow("无法生成");
  }, 60_000);
});
