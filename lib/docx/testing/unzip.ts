// A minimal .zip reader for tests (stored and deflated entries via the central directory), so reading a .docx
// needs neither a zip package of our own nor an `unzip` binary on the CI machine.
import { inflateRawSync } from "node:zlib";

/** Entry name → bytes. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  // End of central directory: signature 0x06054b50, searched backwards past a possible comment.
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip file");
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error("corrupt central directory");
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** One entry as text; throws when the entry is missing, so a test names what it expected. */
export function entryText(files: Map<string, Buffer>, name: string): string {
  const data = files.get(name);
  if (!data) throw new Error(`${name} missing (entries: ${[...files.keys()].join(", ")})`);
  return data.toString("utf8");
}
