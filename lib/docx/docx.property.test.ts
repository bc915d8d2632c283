// Property-based test of the Word builder: random Unicode (astral characters like 𠀀, emoji and ZWJ sequences,
// control characters, lone surrogates, XML-looking text, long strings) in every text field always gives a .docx
// whose XML parts are well-formed and print every typed character except control characters and lone surrogates;
// and LibreOffice opens a batch of such files (one soffice call) and prints them.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { withoutJoins } from "@/lib/docx/joins";
import { renderReportDocx } from "@/lib/docx/pack";
import { buildReportViewModel } from "@/lib/docx/view-model";
import type { ThreadForExport } from "@/lib/docx/vm-comments";
import { missingRenderTool, plainText } from "@/lib/docx/testing/render";
import { entryText, unzip } from "@/lib/docx/testing/unzip";
import { parseXml } from "@/lib/docx/testing/xml";
import type { SectionContent } from "@/lib/report/content";
import { section } from "@/lib/report/testing";
import { testScheme } from "@/lib/template/test-scheme";
import { defineScheme } from "@/lib/template/validate-scheme";

const scheme = defineScheme(
  testScheme({}, { criteria: [{ code: "only", ordinal: 1, title: "测试评价重点", guidance: "写。", subpoints: [{ code: "s1", title: "要点一" }] }] }),
);

const SPECIAL = [
  "𠀀", "𪚥", "😀", "👨‍👩‍👧", "🇨🇳", "\u0000", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b", "\u007f", "\u0085", "\u009f",
  "\uFFFE", "\uFFFF", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "<", ">", "&", '"', "'", "]]>", "<w:p>", "</w:body>", "&amp;",
  "<![CDATA[", "<!--", "\u2028", "\u2029", "\u202E", "\u200B", "\uFEFF", "\r\n", "\r", "\t", "\n", "\u3000", " ", "丨", "々",
];
// Half-width marks and parentheses between Chinese are deliberately rewritten to full width (lib/docx/text.ts) and
// {{…}} made a figure token in content format 1 (which these fields are written in); both are left out so that "prints what was typed" is exact.
const REWRITTEN = /[,:;?!(){}]/g;
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 4, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
  { weight: 4, arbitrary: fc.stringMatching(/^[\u4e00-\u9fa5]$/) },
);
const text = (maxLength: number) => fc.string({ unit, maxLength }).map((s) => s.replace(REWRITTEN, ""));
const field = fc.oneof({ weight: 9, arbitrary: text(60) }, { weight: 1, arbitrary: text(3000) });
const line = text(40);

// What must be printed: control characters and lone surrogates gone, line ends unified, each line trimmed.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const printedLines = (raw: string) =>
  raw
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/\t/g, " ")
    .replace(CONTROL, "")
    .replace(LONE, "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
const printedLine = (raw: string) => printedLines(raw).join("");

const fields = fc.record({
  county: line,
  title: line,
  issuer: line,
  preamble: field,
  profile: field,
  narrative: field,
  subpoint: field,
  problemsIntro: field,
  problemTitle: line,
  problemDetail: field,
  measure: field,
  leadUnit: line,
  owner: line,
  nextIntro: field,
  nextHeading: line,
  nextBody: field,
  commitment: field,
  answer: field,
  commentAuthor: line,
  commentBody: field,
  reply: field,
});
type Fields = typeof fields extends fc.Arbitrary<infer T> ? T : never;

function contentsOf(f: Fields): Record<string, SectionContent> {
  const narrative = (n: string, sub: Record<string, string> = {}) => section("narrative", { narrative: n, subpoints: sub, values: {}, score: null });
  return {
    meta: section("meta", { title: f.title, issuer: f.issuer, recipient: "", date: "", preamble: f.preamble }),
    profile: narrative(f.profile),
    "criterion:only": narrative(f.narrative, { s1: f.subpoint }),
    problems: section("problems", {
      intro: f.problemsIntro,
      items: [
        {
          id: "p1",
          title: f.problemTitle,
          detail: f.problemDetail,
          criterionCode: "only",
          indicatorKey: null,
          source: "self",
          measures: [{ id: "m1", text: f.measure, leadUnit: f.leadUnit, partnerUnits: "", owner: f.owner, deadline: "2022-06", status: "整改中" }],
        },
      ],
    }),
    next_steps: section("nextSteps", {
      intro: f.nextIntro,
      items: [{ id: "n1", heading: f.nextHeading, body: f.nextBody }],
      commitments: [{ id: "c1", text: f.commitment, answer: f.answer, done: true }],
    }),
  };
}

function threadsOf(f: Fields): ThreadForExport[] {
  const author = { name: f.commentAuthor, roleLabel: "市级督导" };
  return [
    {
      sectionKey: "criterion:only",
      anchorLabel: null,
      status: "open",
      body: f.commentBody,
      createdAt: "2024-03-01T02:00:00.000Z",
      author,
      replies: [{ body: f.reply, createdAt: "2024-03-02T02:00:00.000Z", author }],
    },
  ];
}

const render = async (f: Fields) =>
  Buffer.from(await renderReportDocx(buildReportViewModel({ scheme, contents: contentsOf(f), countyName: f.county, comments: threadsOf(f) })));

/** Checks one file: its XML parts parse and each field's printable text is in the right part. */
function checkPackage(docx: Buffer, f: Fields) {
  const files = unzip(docx);
  for (const [name, bytes] of files) if (/\.(xml|rels)$/.test(name)) parseXml(bytes.toString("utf8"));
  // The Word file binds numbers to their units with joiners and no-break spaces (joins.ts): compare without them.
  const body = withoutJoins(parseXml(entryText(files, "word/document.xml")).paragraphs.join("\n"));
  const multiLine = [f.preamble, f.profile, f.narrative, f.subpoint, f.problemsIntro, f.problemDetail, f.nextIntro, f.nextBody, f.answer];
  for (const raw of multiLine) for (const l of printedLines(raw)) expect(body).toContain(withoutJoins(l));
  // Headings, table cells and the title are one line each (the title may be broken over lines: compare unbroken).
  const flat = body.replace(/\n/g, "");
  for (const raw of [f.title, f.issuer, f.problemTitle, f.nextHeading, f.leadUnit, f.owner, f.measure, f.commitment]) {
    expect(flat).toContain(withoutJoins(printedLine(raw)));
  }
  const comments = parseXml(entryText(files, "word/comments.xml")).paragraphs.join("\n");
  for (const raw of [f.commentBody, f.reply]) for (const l of printedLines(raw)) expect(comments).toContain(l);
}

describe("the test's XML check itself", () => {
  it("refuses what Word refuses and reads paragraph text with entities decoded", () => {
    for (const bad of ["<a>&</a>", "<a><b></a></b>", "<a>\u0001</a>", "<a>\uFFFF</a>", "<a>\uD800</a>", "<a x=1/>", "<a/><b/>", "<a>x < y</a>", "<a>]]></a>", "<a>"]) {
      expect(() => parseXml(bad), bad).toThrow();
    }
    const xml = '<?xml version="1.0"?><w:document a="&amp;"><w:p><w:r><w:t xml:space="preserve">&lt;w:p&gt; &#x20000;</w:t></w:r><w:r><w:t>😀</w:t></w:r></w:p><w:p/></w:document>';
    expect(parseXml(xml).paragraphs).toEqual(["<w:p> 𠀀😀"]);
  });
});

describe("the Word file on random Unicode (property)", () => {
  it("is well-formed XML that prints every field, minus control characters and lone surrogates", async () => {
    await fc.assert(
      fc.asyncProperty(fields, async (f) => checkPackage(await render(f), f)),
      { numRuns: 40 },
    );
  }, 60_000);

  const missing = missingRenderTool();
  const dir = mkdtempSync(path.join(os.tmpdir(), "docx-prop-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(missing)(`opens in LibreOffice: 15 random files converted in one call${missing ? `（跳过：${missing}）` : ""}`, async () => {
    const samples = fc.sample(fields, { numRuns: 15, seed: 20240301 });
    const files: { docx: string; marker: string }[] = [];
    for (const [i, f] of samples.entries()) {
      // A marker paragraph in the narrative, so the check does not depend on how fonts print rare characters.
      const marker = `样本标记${"甲乙丙丁戊己庚辛壬癸"[i % 10]}${i}号`;
      const withMarker = { ...f, narrative: `${f.narrative}\n${marker}\n${f.narrative}` };
      const docx = path.join(dir, `r${i}.docx`);
      writeFileSync(docx, await render(withMarker));
      files.push({ docx, marker });
    }
    const profile = mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
    try {
      execFileSync(
        "soffice",
        [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...files.map((x) => x.docx)],
        { timeout: 180_000, stdio: "pipe" },
      );
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    for (const { docx, marker } of files) {
      const pdf = docx.replace(/\.docx$/, ".pdf");
      expect(existsSync(pdf), `${path.basename(pdf)} was not produced`).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
      expect(plainText(pdf).replace(/\s+/g, "")).toContain(marker);
    }
  }, 200_000);
});
