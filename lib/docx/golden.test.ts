// Golden files: the demo report's XML, normalised and one tag per line, so a review sees exactly which paragraph,
// style or footer a change moved. Update deliberately with `npx vitest run lib/docx -u` and read the diff.
import { describe, expect, it } from "vitest";
import { renderReportDocx } from "@/lib/docx/pack";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { entryText, unzip } from "@/lib/docx/testing/unzip";
import { demoReportContents } from "@/lib/seed/demo-report";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

const render = () =>
  renderReportDocx(buildReportViewModel({ scheme: SHANXI_2021_COUNTY, contents: demoReportContents(SHANXI_2021_COUNTY), countyName: "闻喜县" }));

/** Ids and timestamps that may legitimately differ between two writers of the same document. */
function normalise(xml: string): string {
  return xml
    .replace(/ w:rsid\w*="[^"]*"/g, "")
    .replace(/ w:id="[^"]*"/g, ' w:id="ID"')
    .replace(/(<wp:docPr[^>]* id=")\d+"/g, '$1ID"')
    .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, "$1DATE")
    .replace(/></g, ">\n<");
}

describe("golden .docx of the demo report", async () => {
  const files = unzip(await render());

  it.each([
    ["word/document.xml", "document.xml"],
    ["word/styles.xml", "styles.xml"],
    ["word/footer1.xml", "footer-odd.xml"],
    ["word/footer2.xml", "footer-even.xml"],
    ["word/footer3.xml", "footer-landscape-odd.xml"],
    ["word/footer4.xml", "footer-landscape-even.xml"],
    ["word/settings.xml", "settings.xml"],
  ])("%s matches __snapshots__/%s", async (entry, snapshot) => {
    await expect(normalise(entryText(files, entry))).toMatchFileSnapshot(`__snapshots__/${snapshot}`);
  });

  it("is deterministic: a second export has byte-identical XML, core.xml dates included", async () => {
    const again = unzip(await render());
    expect([...again.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [name, data] of files) expect(again.get(name)?.equals(data), name).toBe(true);
    expect(entryText(files, "docProps/core.xml")).toContain("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2021-11-10T00:00:00Z<");
  });

  it("gives the landscape section its number turned onto the sheet's foot and continues the page numbers", () => {
    for (const [portrait, landscape] of [
      ["word/footer1.xml", "word/footer3.xml"],
      ["word/footer2.xml", "word/footer4.xml"],
    ]) {
      // The same paragraph as the portrait footer, inside a text box turned a quarter clockwise.
      const paragraph = /<w:p>.*<\/w:p>/.exec(entryText(files, portrait))![0];
      const box = entryText(files, landscape);
      expect(box).toContain(`<w:txbxContent>${paragraph}</w:txbxContent>`);
      expect(box).toMatch(/<wps:bodyPr vert="vert"/);
      // Whole EMUs: Word refuses a fractional offset.
      expect(box).toMatch(/<wp:positionH relativeFrom="page"><wp:posOffset>\d+<\/wp:posOffset>/);
    }
    const document = entryText(files, "word/document.xml");
    expect(document).not.toMatch(/<w:pgNumType w:start/);
    expect(document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(entryText(files, "word/settings.xml")).toContain("<w:evenAndOddHeaders/>");
  });

  it("declares explicit column widths for every table (WPS needs w:gridCol)", () => {
    const document = entryText(files, "word/document.xml");
    const grids = [...document.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) => [...m[1].matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])));
    expect(grids.map((g) => g.reduce((a, b) => a + b, 0))).toEqual([8845, 12756]);
  });
});
