import "server-only";
// Renders .docx files on worker threads, so that a zip of a whole region uses every core: docx's XML serialisation
// is pure JavaScript (~25 ms a report) and would otherwise keep one core busy while the other waits. One pool per
// process, started on first use and stopped after a quiet minute; a worker that cannot start (a build that did not
// bundle it) makes the pool render in-process instead, slower but the same bytes.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { renderReportDocx } from "@/lib/docx/pack";
import type { ReportViewModel } from "@/lib/docx/types";
import type { RenderReply } from "@/lib/export/render-worker";

type Task = { id: number; vm: ReportViewModel; resolve: (bytes: Buffer) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; task?: Task; served: number };

const IDLE_MS = 60_000;

let slots: Slot[] = [];
const queue: Task[] = [];
let nextId = 1;
let disabled = os.availableParallelism() < 2;
let idleTimer: NodeJS.Timeout | undefined;

/** How many threads render at once: the cores there are, at most two (the zip and the database need the rest). */
export const renderThreads = () => (disabled ? 0 : Math.min(2, os.availableParallelism()));

/** The .docx of `vm`, rendered on a pool thread; byte for byte what renderReportDocx gives in-process. */
export function renderInPool(vm: ReportViewModel): Promise<Buffer> {
  if (disabled) return renderReportDocx(vm);
  clearTimeout(idleTimer);
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, vm, resolve, reject });
    dispatch();
  });
}

/** Stops the workers now (scripts and tests that want to exit promptly); renders still waiting are refused. */
export async function closeRenderPool(): Promise<void> {
  clearTimeout(idleTimer);
  const stopping = slots.map((s) => s.worker.terminate());
  for (const task of [...slots.flatMap((s) => s.task ?? []), ...queue.splice(0)]) task.reject(new Error("导出已停止"));
  slots = [];
  await Promise.all(stopping);
}

function dispatch() {
  while (slots.length < renderThreads() && slots.length < queue.length + busy()) slots.push(start());
  for (const slot of slots) {
    if (slot.task || !queue.length) continue;
    slot.task = queue.shift()!;
    // A busy worker keeps the process alive (a CLI awaiting its reply); an idle one does not.
    slot.worker.ref();
    slot.worker.postMessage({ id: slot.task.id, vm: slot.task.vm });
  }
  if (!busy() && !queue.length) idleTimer = setTimeout(() => void closeRenderPool(), IDLE_MS).unref();
}

const busy = () => slots.filter((s) => s.task).length;

/**
 * A render makes a few megabytes of short-lived objects (docx's element tree and XML strings); a young generation
 * larger than V8's default collects them less often: ~15% less CPU per report.
 */
const LIMITS = { maxYoungGenerationSizeMb: 96 };

/**
 * Next.js sets NEXT_RUNTIME in its server, where this module is bundled JavaScript; elsewhere (scripts, tests) it
 * runs from source. Not `import.meta.url`: Turbopack reports the source file's URL there, .ts and all.
 */
const FROM_SOURCE = !process.env.NEXT_RUNTIME;

function spawn(): Worker {
  if (FROM_SOURCE) {
    // Node cannot load .ts by itself, and `--import tsx` in a worker's execArgv does not reach its module loader on
    // Node 20: register tsx's require hook inside the worker, then load the worker's source through it.
    const file = fileURLToPath(new URL("./render-worker.ts", import.meta.url));
    const code = `require(require.resolve("tsx/cjs", { paths: [${JSON.stringify(path.dirname(file))}] })); require(${JSON.stringify(file)});`;
    return new Worker(code, { eval: true, resourceLimits: LIMITS });
  }
  // The bundler sees this `new Worker(new URL(…))` and builds the worker file into an entry of its own.
  return new Worker(new URL("./render-worker.ts", import.meta.url), { resourceLimits: LIMITS });
}

function start(): Slot {
  const worker = spawn();
  const slot: Slot = { worker, served: 0 };
  worker.unref();
  worker.on("message", (reply: RenderReply) => {
    const task = slot.task;
    if (!task || task.id !== reply.id) return;
    slot.task = undefined;
    slot.served++;
    worker.unref();
    if ("error" in reply) task.reject(new Error(reply.error));
    else task.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    dispatch();
  });
  const fail = (error: Error) => {
    if (!slots.includes(slot)) return;
    slots = slots.filter((s) => s !== slot);
    // One that never answered will not start next time either: stop trying for the life of the process.
    if (!slot.served) disabled = true;
    console.error(`导出工作线程异常，${disabled ? "改为在主线程生成" : "已重启"}：${error.message}`);
    if (slot.task) queue.unshift(slot.task);
    if (disabled) for (const task of queue.splice(0)) renderReportDocx(task.vm).then(task.resolve, task.reject);
    else dispatch();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`工作线程退出（退出码 ${code}）`)));
  return slot;
}
