import { describe, expect, it } from "vitest";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { renderReportDocx } from "@/lib/docx/pack";
import { openThread, threadWithReplies } from "@/lib/docx/testing/threads";
import { entryText, unzip } from "@/lib/docx/testing/unzip";
import { demoReportContents } from "@/lib/seed/demo-report";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

const reviewer = { name: "王芳（运城市督导室）", roleLabel: "市级督导" };

describe("review comments as native Word comments", () => {
  it("anchors each thread on its section's heading and threads the replies", async () => {
    const vm = buildReportViewModel({
      scheme: SHANXI_2021_COUNTY,
      contents: demoReportContents(SHANXI_2021_COUNTY),
      countyName: "闻喜县",
      comments: [
        // The shared resolved thread, with the reviewer's full name and only the clerk's reply.
        { ...threadWithReplies, author: reviewer, replies: threadWithReplies.replies.slice(0, 1) },
        { ...openThread, body: "学校总数与分类之和不一致 <b>193</b>", author: reviewer, replies: [] },
      ],
    });
    expect(vm.comments.map((c) => [c.id, c.parentId, c.sectionKey])).toEqual([
      [0, undefined, "criterion:preschool"],
      [1, 0, "criterion:preschool"],
      [2, undefined, "profile"],
    ]);
    const files = unzip(await renderReportDocx(vm));
    const comments = entryText(files, "word/comments.xml");
    expect(comments).toContain("【学前三年毛入园率】请注明适龄人口数据的来源。（已解决）");
    expect(comments).toContain('w:author="王芳（运城市督导室）（市级督导）"');
    expect(comments).toContain("学校总数与分类之和不一致 &lt;b&gt;193&lt;/b&gt;");
    expect(entryText(files, "word/commentsExtended.xml")).toContain("w15:paraIdParent");
    const doc = entryText(files, "word/document.xml");
    const heading = doc.indexOf("（十）学前教育普及普惠发展情况");
    expect(doc.lastIndexOf('<w:commentRangeStart w:id="0"/>', heading)).toBeGreaterThan(doc.lastIndexOf("</w:p>", heading));
    expect(doc).toContain('<w:commentReference w:id="2"/>');
  });

  it("adds no comments part when there are none", async () => {
    const vm = buildReportViewModel({ scheme: SHANXI_2021_COUNTY, contents: demoReportContents(SHANXI_2021_COUNTY), countyName: "闻喜县" });
    expect(unzip(await renderReportDocx(vm)).has("word/comments.xml")).toBe(false);
  });
});
