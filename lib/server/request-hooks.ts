import "server-only";
// Two things every request needs that Next.js's own configuration cannot give, installed once per process from
// instrumentation.ts before Next.js serves requests:
//   - the address of the TCP peer, as PEER_HEADER. Route handlers and server actions get no socket; what Next.js
//     does give, `x-forwarded-for`, it fills from the socket only when the client did not send one (`??=`), so a
//     client could pick its own address and step around the per-address login limit. The header is overwritten
//     on every request, whatever a client sent under that name; lib/server/client-address.ts decides from it (and
//     TRUST_PROXY) who the client is.
//   - Strict-Transport-Security when APP_URL is https (one year, subdomains, no preload). next.config.js headers
//     are fixed when the app is built; APP_URL belongs to the deployment, so this is decided when it starts.
import http from "node:http";

export const PEER_HEADER = "x-edu-peer-address";
export const HSTS = "max-age=31536000; includeSubDomains";

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

export function installRequestHooks(appUrl: string): void {
  const flag = globalThis as unknown as { __eduRequestHooks?: true };
  if (flag.__eduRequestHooks) return;
  flag.__eduRequestHooks = true;
  const https = appUrl.startsWith("https://");
  const emit = http.Server.prototype.emit as Emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
      if (https) (args[1] as http.ServerResponse).setHeader("Strict-Transport-Security", HSTS);
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
