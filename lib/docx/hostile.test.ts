// Input a county might really send: empty sections, one enormous paragraph, emoji and rare characters, control
// characters from a pasted spreadsheet, text that looks like XML. The file must open (LibreOffice converts it) and
// print the text, minus the control characters.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReportDocx } from "@/lib/docx/pack";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { entryText, unzip } from "@/lib/docx/testing/unzip";
import { convertToPdf, missingRenderTool, pageSizes, plainText } from "@/lib/docx/testing/render";
import { criterionKey } from "@/lib/report/sections";
import { emptyContent, NARRATIVE_MAX, type SectionContent, type TMetaContent, type TProblemsContent } from "@/lib/report/content";
import { demoReportContents } from "@/lib/seed/demo-report";
import { doc } from "@/lib/report/testing";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

const scheme = SHANXI_2021_COUNTY;
const XML_LIKE = "<w:p>&amp;</w:body>";
const LONG = "超长段落测试内容".repeat(NARRATIVE_MAX / 8);

function hostileContents(): Record<string, SectionContent> {
  const contents = demoReportContents(scheme);
  const meta = contents.meta as TMetaContent;
  meta.preamble = doc(`开头\u0007控制\u0000字符\u001b清除${XML_LIKE}表情😀生僻𠀀结尾`);
  meta.title = `${XML_LIKE}标题`;
  contents[criterionKey("party_leadership")] = { ...emptyContent.narrative(), narrative: doc(LONG) };
  contents[criterionKey("safety")] = emptyContent.narrative();
  contents.profile = emptyContent.narrative();
  const problems = contents.problems as TProblemsContent;
  problems.items[0].title = `问题\u0008含${XML_LIKE}`;
  problems.items[0].measures[0].text = doc(`措施\u000b一${XML_LIKE}`);
  contents.next_steps = emptyContent.nextSteps();
  return contents;
}

const missing = missingRenderTool();

describe("hostile input", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "docx-hostile-"));
  const docx = path.join(dir, "hostile.docx");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    writeFileSync(docx, await renderReportDocx(buildReportViewModel({ scheme, contents: hostileContents(), countyName: "闻喜县" })));
  });

  it("writes XML-looking text escaped and no control characters into the package", () => {
    const xml = entryText(unzip(readFileSync(docx)), "word/document.xml");
    expect(xml).toContain("&lt;w:p&gt;&amp;amp;&lt;/w:body&gt;");
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toContain("表情😀生僻𠀀结尾");
    expect(xml).toContain(LONG);
  });

  it.skipIf(missing)(`converts in LibreOffice and prints the text${missing ? `（跳过：${missing}）` : ""}`, () => {
    const pdf = convertToPdf(docx);
    expect(pageSizes(pdf).length).toBeGreaterThan(30);
    // Whitespace and the page numbers between pages removed, so text running across a page break reads on.
    const text = plainText(pdf).replace(/\s+/g, "").replace(/—\d+—/g, "");
    expect(text).toContain(`开头控制字符清除${XML_LIKE}表情`);
    expect(text).toContain(`问题含${XML_LIKE}`);
    expect(text).toContain(`措施一${XML_LIKE}`);
    // Every character of the 20 000-character paragraph is printed (it spans some 30 pages).
    expect(text.split("超长段落测试内容").length - 1).toBe(NARRATIVE_MAX / 8);
    expect(text).toContain("表情😀生僻𠀀结尾");
  }, 120_000);
});
