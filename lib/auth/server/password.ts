import "server-only";
// Password hashing, one at a time per process. A password check is scrypt with better-auth's parameters (N=16384,
// r=16: 32 MB and about 0.3 s of CPU on our 2-core machines). It already runs in libuv's thread pool, off the event
// loop, but four of them run at once and took both cores: a flood of ~5 wrong passwords a second raised autosave p95
// from 56 to 311 ms. Queued here, password work never takes more than one core, whatever arrives; sign-in refuses
// politely when the queue is long (lib/auth/server/login.ts) rather than letting it grow without bound.
// The gate lives on globalThis: Next.js bundles this module once per route, and a gate per bundle would be none.
import { hashPassword as scryptHash, verifyPassword as scryptVerify } from "better-auth/crypto";

type Gate = { running: boolean; waiting: (() => void)[] };
const gate: Gate = ((globalThis as unknown as { __eduPasswordGate?: Gate }).__eduPasswordGate ??= { running: false, waiting: [] });

async function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (gate.running) await new Promise<void>((resolve) => gate.waiting.push(resolve));
  else gate.running = true;
  try {
    return await work();
  } finally {
    // Hand the gate straight to the next in line (it stays "running"), or open it.
    const next = gate.waiting.shift();
    if (next) next();
    else gate.running = false;
  }
}

/** How many password checks are waiting for the one running now. */
export const passwordQueueLength = () => gate.waiting.length;

/** better-auth's own format (`salt:key`, hex), so stored hashes and this code stay interchangeable. */
export const hashPassword = (password: string) => oneAtATime(() => scryptHash(password));
export const verifyPassword = (input: { hash: string; password: string }) => oneAtATime(() => scryptVerify(input));
