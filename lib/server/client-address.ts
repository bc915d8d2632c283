import "server-only";
// Who the client is, for the per-address login limit (lib/auth/server/throttle.ts). By default the TCP peer
// (lib/server/request-hooks.ts) and
// nothing the client says: with no proxy in front, X-Forwarded-For is whatever the client chose to send. Behind
// reverse proxies, TRUST_PROXY says how far to believe the header (docs/deployment.md):
//   TRUST_PROXY=1                   one proxy: the address it appended (the rightmost entry) is the client
//   TRUST_PROXY=2                   two proxies in a row, and so on
//   TRUST_PROXY=10.0.0.5,10.1.0.0/16  the proxies by address: walk the chain from the peer leftwards past them
import { BlockList, isIP } from "node:net";

export type TrustProxy = { hops: number } | { list: BlockList; text: string } | null;

const normal = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").replace(/^\[(.*)\]$/, "$1");

/** TRUST_PROXY as configured: unset/""/"0" → null; a count of proxies; or a list of addresses and CIDR ranges. */
export function parseTrustProxy(raw: string | undefined): TrustProxy | string {
  const text = raw?.trim() ?? "";
  if (text === "" || text === "0" || text.toLowerCase() === "false") return null;
  if (/^\d+$/.test(text)) return Number(text) <= 10 ? { hops: Number(text) } : "TRUST_PROXY 的代理层数应在 0 到 10 之间";
  const list = new BlockList();
  for (const item of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address, bits] = item.split("/");
    const family = isIP(normal(address));
    if (!family) return `TRUST_PROXY 中的“${item}”不是 IP 地址或网段（如 10.0.0.5 或 10.0.0.0/8）`;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(normal(address), type);
    else if (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)) list.addSubnet(normal(address), Number(bits), type);
    else return `TRUST_PROXY 中的“${item}”网段位数不对`;
  }
  return { list, text };
}

/** The client's address from the TCP peer and X-Forwarded-For, believing the header only as far as `trust` says. */
export function clientAddressOf(peer: string | null, forwardedFor: string | null, trust: TrustProxy): string {
  const from = peer ? normal(peer) : "";
  if (!trust) return from || "unknown";
  const chain = [...(forwardedFor ?? "").split(",").map(normal).filter((a) => isIP(a)), ...(from ? [from] : [])];
  if (!chain.length) return "unknown";
  if ("hops" in trust) return chain[Math.max(0, chain.length - 1 - trust.hops)];
  let i = chain.length - 1;
  while (i > 0 && trust.list.check(chain[i], isIP(chain[i]) === 4 ? "ipv4" : "ipv6")) i--;
  return chain[i];
}
