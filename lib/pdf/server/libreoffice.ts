import "server-only";
// PDF copies rendered by LibreOffice, when the server has it. Detected once at start (instrumentation.ts) and
// reported by /api/health; without it the PDF button explains why and the Word download is unaffected.
//
// One conversion at a time, on a profile kept for the process (a fresh profile costs a few seconds a call, and two
// soffice processes must never share one); a few requests may wait, more are told to retry, so a burst of
// downloads cannot start a dozen office processes on a two-core server.
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { AppError } from "@/lib/errors";

const run = promisify(execFile);
const BINARY = process.env.SOFFICE_PATH || "soffice";
/** Longest a conversion may take; a 60-page report takes about 10 s on the 2-core server. */
const TIMEOUT_MS = 120_000;
/** Requests that may wait behind the running one. */
const MAX_WAITING = 3;

export type PdfRenderer = { available: true; version: string } | { available: false; reason: string };

let detected: PdfRenderer | undefined;

/** Whether `binary` starts and says it is LibreOffice. */
export function probeRenderer(binary: string): PdfRenderer {
  const probe = spawnSync(binary, ["--version"], { encoding: "utf8", timeout: 30_000 });
  const version = probe.status === 0 ? /LibreOffice\s+([\d.]+)/.exec(probe.stdout)?.[1] : undefined;
  if (version) return { available: true, version };
  return { available: false, reason: probe.error ? `未找到 ${binary}（未安装 LibreOffice）` : `${binary} --version 未正常返回` };
}

/** Whether LibreOffice can be started here, and its version; asked once per process (at start). */
export function pdfRenderer(): PdfRenderer {
  detected ??= probeRenderer(BINARY);
  return detected;
}

export const PDF_UNAVAILABLE_MESSAGE = "服务器未安装 LibreOffice，暂不能生成 PDF。请下载 Word 文件，用 Word 或 WPS“另存为 PDF”。";

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;
let profile: string | undefined;

/** The PDF of a .docx; AppError UNAVAILABLE when LibreOffice is missing, busy or fails. */
export function convertDocxToPdf(docx: Uint8Array): Promise<Buffer> {
  return convertWithLibreOffice(docx, "docx", "pdf");
}

/** A file converted by LibreOffice (a .doc/.wps to .docx for the Word import, a .docx to PDF), on the same queue
 *  and profile; AppError UNAVAILABLE when LibreOffice is missing, busy or fails. */
export async function convertWithLibreOffice(file: Uint8Array, fromExt: string, toFormat: "pdf" | "docx"): Promise<Buffer> {
  if (!pdfRenderer().available) throw new AppError("UNAVAILABLE", toFormat === "pdf" ? PDF_UNAVAILABLE_MESSAGE : "服务器未安装 LibreOffice，无法转换该文件。");
  if (waiting >= MAX_WAITING) throw new AppError("UNAVAILABLE", "正在转换其他文件，请稍后再试。");
  waiting++;
  const job = queue.then(() => {
    waiting--;
    return convertNow(file, fromExt, toFormat);
  });
  queue = job.catch(() => undefined);
  return job;
}

async function convertNow(file: Uint8Array, fromExt: string, toFormat: "pdf" | "docx"): Promise<Buffer> {
  profile ??= await mkdtemp(path.join(os.tmpdir(), "edu-lo-profile-"));
  const dir = await mkdtemp(path.join(os.tmpdir(), "edu-pdf-"));
  try {
    const source = path.join(dir, `source.${fromExt}`);
    await writeFile(source, file);
    const out = path.join(dir, "out");
    await run(BINARY, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", toFormat, "--outdir", out, source], {
      timeout: TIMEOUT_MS,
    });
    return await readFile(path.join(out, `source.${toFormat}`));
  } catch (error) {
    console.error(toFormat === "pdf" ? "PDF 生成失败" : "文件转换失败", error);
    throw new AppError("UNAVAILABLE", toFormat === "pdf" ? "PDF 生成失败，请稍后重试，或下载 Word 文件。" : "文件转换失败：请在 Word 或 WPS 中“另存为” .docx 后再上传。");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
