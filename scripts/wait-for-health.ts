// Waiting for a server we started (`npm start`, the benchmark's server, the durability test's extra server) to
// answer its health check.

/** Polls `url` every 250 ms: true once it answers 200; false when `gone()` says the server exited or `seconds`
 *  have passed. A refused connection just means it is not listening yet. */
export async function waitForHealth(url: string, seconds: number, gone: () => boolean = () => false): Promise<boolean> {
  for (let i = 0; i < seconds * 4; i++) {
    if (gone()) return false;
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
