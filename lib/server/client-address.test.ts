// Who the client is, for the per-address login limit: the TCP peer unless TRUST_PROXY says which proxies to believe.
import { describe, expect, it } from "vitest";
import { clientAddressOf, parseTrustProxy, type TrustProxy } from "@/lib/server/client-address";

const trust = (raw: string | undefined) => parseTrustProxy(raw) as TrustProxy;

describe("client address", () => {
  it("without TRUST_PROXY is the TCP peer, whatever X-Forwarded-For says", () => {
    for (const raw of [undefined, "", "0", "false"]) {
      expect(clientAddressOf("127.0.0.1", "203.0.113.9", trust(raw))).toBe("127.0.0.1");
      expect(clientAddressOf("::ffff:10.0.0.7", "203.0.113.9, 198.51.100.1", trust(raw))).toBe("10.0.0.7");
    }
    expect(clientAddressOf(null, "203.0.113.9", null)).toBe("unknown");
  });

  it("with a count of proxies takes the address the outermost trusted proxy saw", () => {
    // The client forged the first entry; our one proxy appended the real address.
    expect(clientAddressOf("10.0.0.5", "6.6.6.6, 198.51.100.20", trust("1"))).toBe("198.51.100.20");
    expect(clientAddressOf("10.0.0.5", "6.6.6.6, 198.51.100.20, 10.0.0.4", trust("2"))).toBe("198.51.100.20");
    // Fewer entries than proxies: the leftmost is all there is.
    expect(clientAddressOf("10.0.0.5", null, trust("1"))).toBe("10.0.0.5");
    expect(clientAddressOf("10.0.0.5", "not-an-ip, 198.51.100.20", trust("1"))).toBe("198.51.100.20");
  });

  it("with a list of proxies walks from the peer past every trusted address", () => {
    const t = trust("10.0.0.0/8, 192.0.2.1");
    expect(clientAddressOf("10.0.0.5", "6.6.6.6, 198.51.100.20, 192.0.2.1", t)).toBe("198.51.100.20");
    // A peer that is not a trusted proxy is the client itself, and its header is ignored.
    expect(clientAddressOf("198.51.100.30", "6.6.6.6", t)).toBe("198.51.100.30");
    expect(clientAddressOf("::ffff:10.1.2.3", "2001:db8::1", t)).toBe("2001:db8::1");
  });

  it("refuses a TRUST_PROXY it cannot read, in Chinese", () => {
    expect(parseTrustProxy("many")).toBe("TRUST_PROXY 中的“many”不是 IP 地址或网段（如 10.0.0.5 或 10.0.0.0/8）");
    expect(parseTrustProxy("10.0.0.0/40")).toBe("TRUST_PROXY 中的“10.0.0.0/40”网段位数不对");
    expect(parseTrustProxy("99")).toBe("TRUST_PROXY 的代理层数应在 0 到 10 之间");
  });
});
