// ISO/IEC 29500 conformance of the packages we write, checked offline by the Open XML SDK's validator (the one
// Word's developers publish, compiled to WebAssembly in @ooxml-tools/validate: schema checks of every part against
// the transitional schemas plus Office's extensions, relationships and content types). Then a LibreOffice round
// trip of a comments export keeps every comment and reply. See decision 019.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import validate from "@ooxml-tools/validate";
import { afterAll, describe, expect, it } from "vitest";
import { renderReportDocx } from "@/lib/docx/pack";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { demoViewModel, longReport, sixtyRowAnnexes } from "@/lib/docx/testing/fixtures";
import { convertAll, missingRenderTool } from "@/lib/docx/testing/render";
import { openThread, resolvedAlone, threadWithReplies } from "@/lib/docx/testing/threads";
import { entryText, unzip } from "@/lib/docx/testing/unzip";
import type { ThreadForExport } from "@/lib/docx/vm-comments";
import { demoReportContents } from "@/lib/seed/demo-report";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

const withComments = (comments: ThreadForExport[]) =>
  buildReportViewModel({ scheme: SHANXI_2021_COUNTY, contents: demoReportContents(SHANXI_2021_COUNTY), countyName: "闻喜县", comments });

const packages = async () => ({
  demo: await renderReportDocx(demoViewModel()),
  // 60-row annexes after a long text with a 主送机关.
  stress: await renderReportDocx(sixtyRowAnnexes(longReport(13))),
  comments: await renderReportDocx(withComments([threadWithReplies, openThread, resolvedAlone])),
  // Resolved threads without any reply: commentsExtended.xml is added by comments-extended.ts, not by docx.
  resolvedOnly: await renderReportDocx(withComments([resolvedAlone])),
});

describe("ISO/IEC 29500 schema validation (Open XML SDK, offline)", async () => {
  const files = await packages();

  it.each(Object.keys(files))("%s.docx has no validation errors", async (name) => {
    const errors = await validate(new Uint8Array(files[name as keyof typeof files]), "docx", "Microsoft365");
    expect(errors.map((e) => `${e.path.partUri} ${e.path.xpath}: ${e.description}`)).toEqual([]);
  }, 60_000);

  it("catches an invalid part (the check is not vacuous)", async () => {
    const parts = unzip(files.demo);
    const xml = entryText(parts, "word/document.xml").replace("<w:pStyle ", '<w:jc w:val="center"/><w:pStyle ');
    const { zipFiles } = await import("@/lib/docx/zip");
    const broken = zipFiles(new Map([...parts].map(([k, v]) => [k, k === "word/document.xml" ? xml : v])));
    const errors = await validate(new Uint8Array(broken), "docx", "Microsoft365");
    expect(errors.length).toBeGreaterThan(0);
  }, 60_000);

  it("marks resolved threads done, with and without replies", () => {
    for (const docx of [files.comments, files.resolvedOnly]) {
      const ext = entryText(unzip(docx), "word/commentsExtended.xml");
      expect(ext).toMatch(/w15:done="1"/);
    }
    const ext = entryText(unzip(files.comments), "word/commentsExtended.xml");
    // Root and both replies of the resolved thread are done; the open thread's two comments are not.
    expect(ext.match(/w15:done="1"/g)).toHaveLength(4);
    expect(ext.match(/w15:done="0"/g)).toHaveLength(2);
  });

  it("anchors every reply on its thread's heading with a range and a reference", () => {
    const doc = entryText(unzip(files.comments), "word/document.xml");
    for (let id = 0; id < 6; id++) {
      for (const tag of ["commentRangeStart", "commentRangeEnd", "commentReference"]) expect(doc, `${tag} ${id}`).toContain(`<w:${tag} w:id="${id}"/>`);
    }
  });
});

const missing = missingRenderTool();
describe.skipIf(missing)(`LibreOffice round trip of a comments export${missing ? `（跳过：${missing}）` : ""}`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "docx-comments-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps every comment and reply, with its author, when LibreOffice reads and writes the file", async () => {
    const source = path.join(dir, "comments.docx");
    writeFileSync(source, await renderReportDocx(withComments([threadWithReplies, openThread, resolvedAlone])));
    const out = path.join(dir, "out");
    mkdirSync(out);
    const [again] = convertAll([source], "docx", out);
    const parts = unzip(readFileSync(again));
    const comments = entryText(parts, "word/comments.xml");
    const texts = [threadWithReplies, openThread, resolvedAlone].flatMap((t) => [t.body, ...t.replies.map((r) => r.body)]);
    for (const text of texts) expect(comments).toContain(text);
    expect(comments.match(/<w:comment /g)).toHaveLength(texts.length);
    expect(comments).toContain('w:author="张敏（县级填报员）"');
    // The resolved state survives (the resolved thread's three comments and the lone one). LibreOffice 7.4 writes
    // no w15:paraIdParent, so a reply comes back as a comment on the same text rather than under its root.
    expect(entryText(parts, "word/commentsExtended.xml").match(/w15:done="1"/g)).toHaveLength(4);
  }, 120_000);
});
