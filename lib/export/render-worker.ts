// A render-pool thread: view model in, .docx bytes out. Only plain data crosses the thread boundary.
import { parentPort } from "node:worker_threads";
import { renderReportDocx } from "@/lib/docx/pack";
import type { ReportViewModel } from "@/lib/docx/types";

export type RenderRequest = { id: number; vm: ReportViewModel };
export type RenderReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

parentPort?.on("message", async ({ id, vm }: RenderRequest) => {
  try {
    const bytes = await renderReportDocx(vm);
    parentPort!.postMessage({ id, bytes } satisfies RenderReply);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply);
  }
});
