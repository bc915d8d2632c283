// Path traversal and header injection through file names, as properties over arbitrary strings: the display name
// keeps no path, control character or reserved mark; the download header is always a valid, single-line header;
// and no storage key, however built, reaches outside the storage root.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { cleanFileName } from "@/lib/evidence/file-name";
import { contentDisposition } from "@/lib/http/content-disposition";
import { LocalFileStorage } from "@/lib/storage/local";

const HOSTILE = [
  "../../etc/passwd",
  "..\\..\\x.pdf",
  "/etc/passwd",
  "C:\\Windows\\System32\\x.pdf",
  "a\u0000b.pdf",
  "%2e%2e%2f%2e%2e%2fx.pdf",
  "..",
  ".",
  "....//....//x.pdf",
  "x.pdf\r\nSet-Cookie: a=b",
  'a";filename=evil.exe',
  "\uD800.pdf",
  "\u202Efdp.exe",
  "x".repeat(10_000) + ".pdf",
  "报告/../../../etc/shadow.pdf",
  " ..hidden.pdf",
  `${"a".repeat(119)}😀.pdf`,
];
const names = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: fc.constantFrom("/", "\\", ".", "..", "\u0000", "\n", "\r", '"', ";", "%", "a", "报", "😀", "\uDC00", ":"), maxLength: 60 }),
);

describe("file names (property)", () => {
  it("cleanFileName keeps no path part, control character or reserved mark, and never returns nothing", () => {
    fc.assert(
      fc.property(names, (name) => {
        const clean = cleanFileName(name);
        expect(clean.length).toBeGreaterThan(0);
        expect([...clean].length).toBeLessThanOrEqual(120);
        // Shortened by whole characters: never half a surrogate pair.
        expect(clean).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);

        expect(clean).not.toMatch(/[\\/\u0000-\u001f\u007f<>:"|?*]/);
        expect(clean.startsWith(".")).toBe(false);
        expect(clean).toBe(clean.trim());
      }),
      { numRuns: 500 },
    );
  });

  it("cleanFileName drops bidi controls and invisible characters: a name shows what it is", () => {
    expect(cleanFileName("invoice\u202Efdp.exe.pdf")).toBe("invoicefdp.exe.pdf");
    expect(cleanFileName("\u2067报告\u2069\u200B.pdf\uFEFF")).toBe("报告.pdf");
    const invisible = fc.string({ unit: fc.constantFrom("a", "报", ".", "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2060", "\u2066", "\u2067", "\u2068", "\u2069", "\u061C", "\uFEFF"), maxLength: 40 });
    fc.assert(
      fc.property(invisible, (name) => {
        expect(cleanFileName(name)).not.toMatch(/[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/);
      }),
      { numRuns: 300 },
    );
  });

  it("a long name is shortened before its extension, by whole characters", () => {
    const stem = fc.string({ unit: fc.constantFrom("长", "a", "😀", "𠀀", " ", "-"), minLength: 1, maxLength: 300 }).map((x) => `报${x}`);
    fc.assert(
      fc.property(stem, fc.constantFrom(".pdf", ".docx", ".xlsx", ".jpeg"), (base, ext) => {
        const clean = cleanFileName(`${base}${ext}`);
        expect(clean.endsWith(ext)).toBe(true);
        expect([...clean].length).toBeLessThanOrEqual(120);
        expect(base.startsWith(clean.slice(0, -ext.length).trim())).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("contentDisposition never throws and gives one header line that names the file", () => {
    fc.assert(
      fc.property(names, (name) => {
        const value = contentDisposition(cleanFileName(name));
        expect(value).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!'()*._~-]*$/);
        // A Headers object refuses CR, LF and NUL: the value is usable as sent.
        expect(() => new Headers({ "content-disposition": value })).not.toThrow();
        // Same for a raw (uncleaned) name: export file names come from region names, not through cleanFileName.
        expect(() => new Headers({ "content-disposition": contentDisposition(name) })).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  const root = mkdtempSync(path.join(os.tmpdir(), "edu-keys-"));
  const outside = path.join(path.dirname(root), `${path.basename(root)}-escape`);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("a storage key either stays under the root or is refused", async () => {
    const storage = new LocalFileStorage(path.join(root, "files"));
    const key = fc.oneof(
      names,
      fc.array(fc.constantFrom("..", ".", "evidence", "a", "", "/", "%2e%2e", `../${path.basename(root)}-escape`), { maxLength: 6 }).map((p) => p.join("/")),
    );
    await fc.assert(
      fc.asyncProperty(key, async (k) => {
        const stored = await storage.put(k, new Uint8Array([1])).then(
          () => true,
          (e: Error) => {
            // Anything that could climb out is refused by the key check itself (other failures, e.g. a key that
            // names an existing file as a folder, are the file system's and write nothing either).
            if (k.includes("..") || path.isAbsolute(k) || k.includes("\\")) expect(e.message).toMatch(/^invalid storage key/);
            return false;
          },
        );
        if (stored) {
          const file = path.resolve(root, "files", k);
          expect(file.startsWith(path.join(root, "files") + path.sep)).toBe(true);
          expect(existsSync(file)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    expect(existsSync(outside)).toBe(false);
    expect(readdirSync(root)).toEqual(["files"]);
  });
});
