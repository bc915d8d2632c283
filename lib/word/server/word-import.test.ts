// The Word import's reading end to end on real files: a .docx built with the docx package from the 闻喜 2021 text,
// split onto the Shanxi 2021 scheme; a hand-written WPS-style comments file; and each kind of bad input refused
// with its Chinese message.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { BUILTIN_SCHEMES } from "@/lib/template/schemes";
import { zipFiles } from "@/lib/docx/zip";
import { readBody } from "@/lib/word/docx-xml";
import { splitByHeadings } from "@/lib/word/split";
import { wordThreads } from "@/lib/word/comments-xml";
import { oleKind, readDocx, readWordFile, WORD_MESSAGES } from "@/lib/word/server/read-docx";

const scheme = BUILTIN_SCHEMES[0];
const WENXI = readFileSync("/work/shared/fixtures/wenxi-2021-self-evaluation.txt", "utf8");

async function wenxiDocx(): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: WENXI.split("\n").filter(Boolean).map((line) => new Paragraph({ children: [new TextRun(line)] })) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("last year's report", () => {
  it("splits the 闻喜 text onto the scheme's parts and criteria", async () => {
    const parts = readDocx(await wenxiDocx());
    const pieces = splitByHeadings(readBody(parts.document).blocks, scheme);
    expect(pieces[0].suggested).toBe("meta");
    expect(pieces.find((p) => p.heading === "一、基本情况")?.suggested).toBe("profile");
    // Every one of the twelve criteria found its piece, in order.
    const criteria = pieces.filter((p) => p.suggested?.startsWith("criterion:"));
    expect(criteria.map((p) => /^（[^）]+）/.exec(p.heading)?.[0])).toEqual(["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（九）", "（十）", "（十一）", "（十二）"]);
    expect(new Set(criteria.map((p) => p.suggested)).size).toBe(12);
    // 1. sub-headings stay with their criterion, their text whole; figures stay as text.
    const first = criteria[0];
    expect(first.text).toContain("1.建立健全工作机制情况。成立中共闻喜县委教育工作领导");
    expect(first.text).toContain("2.学校党组织和党的工作全覆盖情况");
    // The problems part keeps its own （一）… inside one piece.
    const problems = pieces.find((p) => p.heading === "三、存在问题和改进措施");
    expect(problems?.suggested).toBe("problems");
    expect(problems?.text).toContain("（七）全县民办义务教育阶段在校生占比超过5%");
    expect(pieces.find((p) => p.heading === "四、下一步工作打算")?.text).toContain("（三）强化统筹协调");
  });
});

const CT = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`;
const W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`;

describe("WPS-style comments", () => {
  it("reads threads, replies on the same range, authors and dates", () => {
    const document = `<w:document ${W}><w:body>
      <w:p><w:r><w:t>（一）全面加强党对教育工作的领导情况</w:t></w:r></w:p>
      <w:p><w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/><w:r><w:t>成立中共闻喜县委教育工作领导小组</w:t></w:r><w:commentRangeEnd w:id="0"/><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:commentReference w:id="1"/></w:r><w:r><w:t>，定期研究。</w:t></w:r></w:p>
      <w:p><w:commentRangeStart w:id="2"/><w:r><w:t>别处</w:t></w:r><w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r></w:p>
    </w:body></w:document>`;
    const comments = `<w:comments ${W}>
      <w:comment w:id="0" w:author="王督导" w:date="2026-05-01T09:30:00Z" w:initials="王"><w:p><w:r><w:t>请补充会议次数。</w:t></w:r></w:p></w:comment>
      <w:comment w:id="1" w:author="李县长" w:date="2026-05-02T10:00:00Z"><w:p><w:r><w:t>已补充：全年 4 次。</w:t></w:r></w:p></w:comment>
      <w:comment w:id="2" w:author="王督导" w:date="2026-05-01T09:40:00"><w:p><w:r><w:t>第二条</w:t></w:r></w:p></w:comment>
    </w:comments>`;
    const bytes = zipFiles([["[Content_Types].xml", CT], ["word/document.xml", document], ["word/comments.xml", comments]]);
    const parts = readDocx(bytes);
    const { threads } = wordThreads(parts.document, parts.comments!, parts.commentsExtended);
    expect(threads).toHaveLength(2);
    expect(threads[0]).toMatchObject({ author: "王督导", date: "2026-05-01T09:30:00Z", text: "请补充会议次数。", covered: "成立中共闻喜县委教育工作领导小组" });
    expect(threads[0].replies).toMatchObject([{ author: "李县长", text: "已补充：全年 4 次。" }]);
    expect(threads[1]).toMatchObject({ covered: "别处", replies: [] });
  });
});

describe("bad input: a clear message, nothing read", () => {
  const refused = async (bytes: Uint8Array) => readWordFile(bytes).then(() => "read", (e: Error) => e.message);

  it("a .docx that is not a zip", async () => {
    expect(await refused(new TextEncoder().encode("这不是 Word 文件，只是改了扩展名"))).toBe(WORD_MESSAGES.notZip);
  });

  it("a zip bomb: 200 MB of zeros that the directory declares honestly, and one whose directory lies", async () => {
    const zeros = Buffer.alloc(200 * 1024 * 1024);
    expect(await refused(zipFiles([["word/document.xml", zeros]]))).toBe(WORD_MESSAGES.bomb);
    // Declared as 1 KB: the cap on inflation stops it all the same.
    const lying = zipFiles([["word/document.xml", Buffer.alloc(40 * 1024 * 1024)]]);
    const central = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(1024, central + 24);
    lying.writeUInt32LE(1024, 22);
    expect(await refused(lying)).toBe(WORD_MESSAGES.bomb);
  });

  it("too many entries", async () => {
    const many = zipFiles(Array.from({ length: 2001 }, (_, i): [string, string] => [`word/media/x${i}.xml`, "x"]));
    expect(await refused(many)).toBe(WORD_MESSAGES.bomb);
  });

  it("a password-protected file, told apart from an old .doc", async () => {
    const ole = (streams: string[]) => {
      const buf = Buffer.alloc(2048);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf);
      let at = 1024;
      for (const s of streams) at += buf.write(s, at, "utf16le") + 16;
      return new Uint8Array(buf);
    };
    expect(oleKind(ole(["EncryptionInfo", "EncryptedPackage"]))).toBe("encrypted");
    expect(await refused(ole(["EncryptionInfo", "EncryptedPackage"]))).toBe(WORD_MESSAGES.encrypted);
    expect(oleKind(ole(["WordDocument", "1Table"]))).toBe("legacy");
  });

  it("a file with no headings", async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph("今年我县教育工作取得了成效。"), new Paragraph("全县共有学校 50 所。")] }] });
    const parts = readDocx(new Uint8Array(await Packer.toBuffer(doc)));
    expect(splitByHeadings(readBody(parts.document).blocks, scheme)).toEqual([]);
  });
});
