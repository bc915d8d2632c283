// Both Word imports against real databases: the 闻喜 editor imports last year's text (previewed, then written
// through the section save), a county outside reach gets 404, a reviewer cannot import text; a reviewer imports a
// WPS-annotated file as threads with their replies, a county editor cannot.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { Document, Packer, Paragraph } from "docx";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createReport } from "@/lib/report/server/service";
import { createUser } from "@/lib/users/server/service";
import { listComments } from "@/lib/review/comments/server";
import { zipFiles } from "@/lib/docx/zip";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { renderReportDocx } from "@/lib/docx/pack";
import { loadReport } from "@/lib/report/server/service";
import { convertWithLibreOffice, pdfRenderer } from "@/lib/pdf/server/libreoffice";
import { applyWordImport, NO_HEADINGS, previewWordImport } from "@/lib/word/server/import-report";
import { applyCommentImport, previewCommentImport } from "@/lib/word/server/import-comments";

const WENXI = readFileSync("/work/shared/fixtures/wenxi-2021-self-evaluation.txt", "utf8");
const docxOf = async (lines: string[]) => new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] })));
const W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`;
const wpsFile = () =>
  zipFiles([
    ["word/document.xml", `<w:document ${W}><w:body><w:p><w:commentRangeStart w:id="2"/><w:r><w:t>与报告无关的文字</w:t></w:r><w:commentRangeEnd w:id="2"/></w:p><w:p><w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/><w:r><w:t>（十）学前教育普及普惠发展情况</w:t></w:r><w:commentRangeEnd w:id="0"/><w:commentRangeEnd w:id="1"/></w:p></w:body></w:document>`],
    ["word/comments.xml", `<w:comments ${W}><w:comment w:id="0" w:author="王督导" w:date="2026-05-01T09:30:00Z"><w:p><w:r><w:t>请注明毛入园率的统计口径。</w:t></w:r></w:p></w:comment><w:comment w:id="1" w:author="李科长" w:date="2026-05-02T10:00:00Z"><w:p><w:r><w:t>已注明。</w:t></w:r></w:p></w:comment><w:comment w:id="2" w:author="王督导" w:date="2026-05-01T09:40:00Z"><w:p><w:r><w:t>这一条放哪里？</w:t></w:r></w:p></w:comment></w:comments>`],
  ]);

describe.each(TEST_PROVIDERS)("Word import on %s", (provider) => {
  const t = useDemoDb(provider, { report: false, schemes: true });
  let reportId: string;
  const as = (username: string) => actorFor(t.db, username);

  beforeAll(async () => {
    const admin = await as("admin");
    await createUser(t.db, admin, { username: "yanhu_editor", name: "盐湖填报", role: "county_editor", regionCode: "140802", password: "Yanhu2021x" });
    await createUser(t.db, admin, { username: "linfen_reviewer", name: "临汾督导", role: "city_reviewer", regionCode: "141000", password: "Linfen2021x" });
    const scheme = await t.db.scheme.findFirstOrThrow({ where: { code: "shanxi-2021-county" } });
    reportId = await createReport(t.db, await as("wenxi_editor"), { schemeId: scheme.id, copyFromId: null });
  });

  it("previews last year's text, writes nothing, then writes the confirmed pieces into their sections", async () => {
    const editor = await as("wenxi_editor");
    const before = await t.db.reportSection.count({ where: { reportId } });
    const preview = await previewWordImport(t.db, editor, reportId, await docxOf(WENXI.split("\n")));
    expect(await t.db.reportSection.count({ where: { reportId } })).toBe(before);
    const chosen = preview.pieces.filter((p) => p.suggested).map((p) => ({ sectionKey: p.suggested!, blocks: p.blocks }));
    const { sections } = await applyWordImport(t.db, editor, { reportId, pieces: chosen });
    expect(sections.length).toBeGreaterThanOrEqual(15);
    const row = await t.db.reportSection.findUniqueOrThrow({ where: { reportId_key: { reportId, key: "criterion:preschool" } } });
    expect(row.content).toContain("普惠性幼儿园建设和覆盖率完成情况");
    expect(await t.db.sectionRevision.count({ where: { reportId, createdAt: { gte: row.updatedAt } } })).toBeGreaterThanOrEqual(1);
    expect(await t.db.auditEvent.count({ where: { targetId: reportId, action: "report.import-word" } })).toBe(1);
  });

  it("refuses a file without headings, and anyone but the report's county editors", async () => {
    const editor = await as("wenxi_editor");
    await expect(previewWordImport(t.db, editor, reportId, await docxOf(["今年教育工作取得成效。"]))).rejects.toThrow(NO_HEADINGS);
    await expect(previewWordImport(t.db, await as("yanhu_editor"), reportId, await docxOf(WENXI.split("\n")))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(applyWordImport(t.db, await as("yuncheng_reviewer"), { reportId, pieces: [{ sectionKey: "profile", blocks: [{ p: ["x"] }] }] })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("imports a reviewer's WPS comments as threads with replies; unmatched ones are placed by the reviewer", async () => {
    const reviewer = await as("yuncheng_reviewer");
    const preview = await previewCommentImport(t.db, reviewer, reportId, wpsFile());
    expect(preview.comments.map((c) => c.suggested)).toEqual([null, "criterion:preschool"]);
    expect(preview.comments[1].body).toBe("请注明毛入园率的统计口径。\n（Word 批注：王督导，2026-05-01）");
    const threads = preview.comments.map((c) => ({ sectionKey: c.suggested ?? "profile", body: c.body, replies: c.replies }));
    expect(await applyCommentImport(t.db, reviewer, { reportId, threads })).toEqual({ threads: 2, replies: 1 });
    const listed = await listComments(t.db, reviewer, reportId);
    expect(listed.map((c) => [c.sectionKey, c.replies.length])).toEqual(expect.arrayContaining([["criterion:preschool", 1], ["profile", 0]]));
    expect(listed.find((c) => c.sectionKey === "criterion:preschool")?.replies[0].body).toContain("已注明。\n（Word 批注：李科长，2026-05-02）");
  });

  it.skipIf(!pdfRenderer().available)("reads our export with its threads back after a LibreOffice round trip, replies and sections kept", async () => {
    const reviewer = await as("yuncheng_reviewer");
    const { report, contents } = await loadReport(t.db, reviewer, reportId);
    const vm = buildReportViewModel({ scheme: report.schemeDef, contents, countyName: report.county.name, comments: await listComments(t.db, reviewer, reportId) });
    const saved = await convertWithLibreOffice(await renderReportDocx(vm), "docx", "docx");
    const preview = await previewCommentImport(t.db, reviewer, reportId, saved);
    expect(preview.comments.map((c) => [c.suggested, c.replies.length, c.author])).toEqual(
      expect.arrayContaining([
        ["criterion:preschool", 1, "王芳（运城市督导室）（市级督导）"],
        ["profile", 0, "王芳（运城市督导室）（市级督导）"],
      ]),
    );
    expect(preview.comments.find((c) => c.suggested === "criterion:preschool")?.replies[0]).toContain("已注明。");
  }, 120_000);

  it("lets only reviewers with reach import comments", async () => {
    await expect(previewCommentImport(t.db, await as("wenxi_editor"), reportId, wpsFile())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(previewCommentImport(t.db, await as("linfen_reviewer"), reportId, wpsFile())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
