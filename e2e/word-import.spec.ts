// Issue 17 items 2–3 in the browser: a county uploads last year's report (a .docx built from the 闻喜 2021 text),
// checks the side-by-side mapping, skips a piece, confirms, and finds the text in its criterion; then a city reviewer
// uploads a WPS-style annotated file, places the comment that matched nothing, and the threads appear at their sections.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { zipFiles } from "../lib/docx/zip";
import { DEMO } from "./helpers";
import { expect, test } from "./test";

const WENXI = readFileSync("/work/shared/fixtures/wenxi-2021-self-evaluation.txt", "utf8");
const PRESCHOOL = /（十）学前教育普及普惠发展情况/;

// The same file the server tests read (lib/word/server/word-import.test.ts): one paragraph a line.
const wenxiDocx = async () =>
  Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: WENXI.split("\n").filter(Boolean).map((line) => new Paragraph({ children: [new TextRun(line)] })) }] })));

// WPS's style (lib/word/server/word-import.integration.test.ts): no commentsExtended.xml, the reply is a second
// comment on the same range; one comment covers text that is in no section.
const W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`;
const wpsFile = () =>
  zipFiles([
    ["word/document.xml", `<w:document ${W}><w:body><w:p><w:commentRangeStart w:id="2"/><w:r><w:t>与报告无关的文字</w:t></w:r><w:commentRangeEnd w:id="2"/></w:p><w:p><w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/><w:r><w:t>（十）学前教育普及普惠发展情况</w:t></w:r><w:commentRangeEnd w:id="0"/><w:commentRangeEnd w:id="1"/></w:p></w:body></w:document>`],
    ["word/comments.xml", `<w:comments ${W}><w:comment w:id="0" w:author="王督导" w:date="2026-05-01T09:30:00Z"><w:p><w:r><w:t>请注明毛入园率的统计口径。</w:t></w:r></w:p></w:comment><w:comment w:id="1" w:author="李科长" w:date="2026-05-02T10:00:00Z"><w:p><w:r><w:t>已注明。</w:t></w:r></w:p></w:comment><w:comment w:id="2" w:author="王督导" w:date="2026-05-01T09:40:00Z"><w:p><w:r><w:t>这一条放哪里？</w:t></w:r></w:p></w:comment></w:comments>`],
  ]);

const outline = (page: Page, name: RegExp) => page.getByRole("navigation", { name: "报告大纲" }).getByRole("button", { name });
const panel = (page: Page) => page.getByRole("complementary", { name: "本部分评论" });

test.describe("Word import", () => {
  test("a county imports last year's Word report after confirming the mapping; a reviewer imports Word comments as threads", async ({ county, pageAs, createReport }) => {
    const reportId = await createReport(county);
    const editor = await pageAs(county.editor);

    // The report page links to the import; a bad file is refused in Chinese, nothing written.
    await editor.goto(`/reports/${reportId}`);
    await editor.getByRole("link", { name: "导入 Word 报告" }).click();
    await expect(editor.getByRole("heading", { name: "导入上一年度的 Word 报告" })).toBeVisible();
    const upload = editor.getByRole("form", { name: "上传上一年度的 Word 报告" });
    await upload.getByLabel("选择 Word 文件").setInputFiles({ name: "假的.docx", mimeType: "application/octet-stream", buffer: Buffer.from("这不是 Word 文件") });
    await upload.getByRole("button", { name: "上传并预览" }).click();
    await expect(upload.getByRole("alert")).toContainText("Word");
    await expect(editor.getByRole("region", { name: "导入预览" })).toHaveCount(0);

    // The real file: each piece beside its proposed section.
    await upload.getByLabel("选择 Word 文件").setInputFiles({ name: "闻喜县2021年自评报告.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: await wenxiDocx() });
    await upload.getByRole("button", { name: "上传并预览" }).click();
    const preview = editor.getByRole("region", { name: "导入预览" });
    await expect(preview).toBeVisible();
    const preschool = preview.getByRole("listitem", { name: PRESCHOOL });
    await expect(preschool).toContainText("普惠性幼儿园");
    await expect(preschool.getByRole("combobox")).toHaveValue("criterion:preschool");
    await expect(preview.getByRole("listitem", { name: "一、基本情况" }).getByRole("combobox")).toHaveValue("profile");
    // The text before the first heading is skipped by the county.
    const intro = preview.getByRole("listitem", { name: "（标题前的文字）" }).getByRole("combobox");
    await expect(intro).toHaveValue("meta");
    const count = Number(/将导入 (\d+) 段/.exec((await preview.getByText(/将导入 \d+ 段/).textContent()) ?? "")?.[1]);
    await intro.selectOption({ label: "不导入" });
    await expect(preview.getByText(`将导入 ${count - 1} 段`)).toBeVisible();
    await editor.screenshot({ path: "test-results/screens/word-import.png" });

    await preview.getByRole("button", { name: "导入所选内容" }).click();
    await expect(editor.getByRole("status").filter({ hasText: /已导入：\d+ 个部分写入了文字/ })).toBeVisible();
    await expect(editor.getByText("未选择文件")).toBeVisible();
    await editor.screenshot({ path: "test-results/screens/word-import-done.png" });

    // The criterion holds the text; the skipped intro did not go into 标题与引言.
    await editor.getByRole("link", { name: "返回报告查看" }).click();
    await outline(editor, PRESCHOOL).click();
    await expect(editor.getByRole("heading", { level: 2, name: PRESCHOOL })).toBeVisible();
    await expect(editor.getByRole("main")).toContainText("普惠性幼儿园建设和覆盖率完成情况");

    // The reviewer: a county editor has no comment import, the city reviewer has.
    await expect(editor.getByRole("link", { name: "导入 Word 批注" })).toHaveCount(0);
    const reviewer = await pageAs(DEMO.city_reviewer.username);
    await reviewer.goto(`/reports/${reportId}`);
    await expect(reviewer.getByRole("link", { name: "导入 Word 报告" })).toHaveCount(0);
    await reviewer.getByRole("link", { name: "导入 Word 批注" }).click();
    const form = reviewer.getByRole("form", { name: "上传加了批注的 Word 文件" });
    await form.getByLabel("选择 Word 文件").setInputFiles({ name: "批注.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: wpsFile() });
    await form.getByRole("button", { name: "上传并预览" }).click();
    const matched = reviewer.getByRole("region", { name: "已匹配的批注" });
    const unmatched = reviewer.getByRole("region", { name: "未匹配的批注" });
    await expect(matched.getByRole("listitem", { name: /^批注/ })).toHaveCount(1);
    await expect(matched).toContainText("请注明毛入园率的统计口径。");
    await expect(matched.getByRole("list", { name: "回复" })).toContainText("已注明。");
    await expect(matched.getByRole("combobox")).toHaveValue("criterion:preschool");
    await expect(unmatched).toContainText("这一条放哪里？");
    await expect(unmatched.getByRole("combobox")).toHaveValue("");
    await unmatched.getByRole("combobox").selectOption("profile");
    await reviewer.screenshot({ path: "test-results/screens/word-comments.png" });
    await reviewer.getByRole("button", { name: "导入所选批注" }).click();
    await expect(reviewer.getByRole("status").filter({ hasText: "已导入 2 条批注（含 1 条回复）" })).toBeVisible();

    // The threads are at their sections, with the Word author kept and the reply as a reply.
    await editor.reload();
    await outline(editor, PRESCHOOL).click();
    const thread = panel(editor).getByRole("article").filter({ hasText: "请注明毛入园率的统计口径。" });
    await expect(thread).toContainText("Word 批注：王督导，2026-05-01");
    await expect(thread.getByRole("list", { name: "回复" })).toContainText("已注明。");
    await outline(editor, /一、基本情况/).click();
    await expect(panel(editor).getByRole("article").filter({ hasText: "这一条放哪里？" })).toBeVisible();
    await editor.screenshot({ path: "test-results/screens/word-comments-thread.png" });
  });
});
