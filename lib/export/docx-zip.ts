import "server-only";
// Many .docx files as one streamed .zip. Files are rendered a few ahead of the one being written (on the render
// pool's threads, while the caller reads the next report from the database) and added in their given order; the
// archive waits for the reader, so memory holds a handful of files however large the region and however slow the
// download.
import { PassThrough, type Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { renderThreads } from "@/lib/export/render-pool";

export type ZipFile = { name: string; bytes: Buffer };

/** Files the archive has been given but not yet written out, beyond which adding more waits. */
const UNWRITTEN = 2;

export function streamDocxZip<T>(items: readonly T[], render: (item: T) => Promise<ZipFile>): Readable {
  // A .docx is already deflated: store it rather than compress it twice.
  const archive = new ZipArchive({ store: true });
  const out = new PassThrough();
  archive.on("error", (error: Error) => out.destroy(error));
  archive.pipe(out);
  let written = 0;
  archive.on("entry", () => written++);
  const progress = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        archive.off("entry", done);
        out.off("close", done);
        resolve();
      };
      archive.once("entry", done);
      out.once("close", done);
    });

  void (async () => {
    const ahead = renderThreads() + 2;
    const pending: Promise<ZipFile>[] = [];
    // A rejection is handled when its turn comes; until then it must not count as unhandled.
    const startNext = () => {
      const promise = render(items[started++]);
      promise.catch(() => undefined);
      pending.push(promise);
    };
    let started = 0;
    try {
      const used = new Set<string>();
      for (let i = 0; i < items.length; i++) {
        while (started < items.length && pending.length < ahead) startNext();
        const file = await pending.shift()!;
        // The download was cancelled: stop rendering for nobody.
        if (out.destroyed) return;
        let name = file.name;
        for (let n = 2; used.has(name); n++) name = file.name.replace(/(\.docx)?$/, `-${n}$1`);
        used.add(name);
        archive.append(file.bytes, { name });
        while (i + 1 - written > UNWRITTEN && !out.destroyed) await progress();
      }
      await archive.finalize();
    } catch (error) {
      archive.abort();
      out.destroy(error as Error);
    }
  })();
  return out;
}
