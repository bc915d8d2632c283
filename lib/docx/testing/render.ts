// LibreOffice and poppler for the render tests: .docx → PDF with a private profile (parallel runs must not share
// one), then page sizes and word boxes. The tools are optional locally; tests skip, naming the missing one.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const PT_PER_MM = 72 / 25.4;

/** null when every tool is present, else why the render tests cannot run. */
export function missingRenderTool(): string | null {
  for (const tool of ["soffice", "pdfinfo", "pdftotext", "pdftoppm"]) {
    if (spawnSync("which", [tool]).status !== 0) return `${tool} 未安装（LibreOffice / poppler-utils）`;
  }
  return null;
}

/** Converts `docx` to a PDF beside it and returns the PDF's path. */
export const convertToPdf = (docx: string): string => convertAll([docx])[0];

/**
 * Converts every file in one LibreOffice start (the start costs more than a conversion), into `format` ("pdf", or
 * "docx" for a round trip through LibreOffice's own reader and writer), into `outDir` (default: beside the first).
 */
export function convertAll(files: string[], format = "pdf", outDir = path.dirname(files[0])): string[] {
  const profile = mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", format, "--outdir", outDir, ...files], {
      // Generous: the shared 2-core machine may be running other conversions and builds.
      timeout: 120_000 + 20_000 * files.length,
      stdio: "pipe",
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((file) => {
    const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${format}`));
    if (!existsSync(out)) throw new Error(`LibreOffice produced no ${format} for ${file}`);
    return out;
  });
}

export function pageSizes(pdf: string): { width: number; height: number }[] {
  const out = execFileSync("pdfinfo", ["-f", "1", "-l", "9999", pdf], { encoding: "utf8" });
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

export type Word = { page: number; x: number; y: number; xMax: number; yMax: number; text: string };

/** Every word box, in points from the page's top left. */
export function words(pdf: string): Word[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return html.split("<page ").slice(1).flatMap((page, i) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      page: i + 1,
      x: Number(m[1]),
      y: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: m[5].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
    })),
  );
}

/** The words of one page grouped into lines (same top edge), left to right. */
export function lines(all: Word[], page: number): { y: number; x: number; xMax: number; text: string }[] {
  const rows = new Map<number, Word[]>();
  for (const w of all.filter((w) => w.page === page)) {
    const key = Math.round(w.y);
    rows.set(key, [...(rows.get(key) ?? []), w]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([y, ws]) => {
      ws.sort((a, b) => a.x - b.x);
      return { y, x: ws[0].x, xMax: Math.max(...ws.map((w) => w.xMax)), text: ws.map((w) => w.text).join("") };
    });
}

export const plainText = (pdf: string): string => execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
