import "server-only";
// The environment, validated once. Defaults make `npm start` work on a fresh clone; production deployments
// set AUTH_SECRET and APP_URL explicitly (docs/deployment.md).
import path from "node:path";
import { z } from "zod";
import { parseTrustProxy, type TrustProxy } from "@/lib/server/client-address";

const DEV_SECRET = "dev-only-secret-change-me-in-production-0123456789";

const ZEnv = z.object({
  DATABASE_URL: z.string().min(1).default("file:./data/app.db"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET 至少 32 个字符").optional(),
  APP_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DEMO: z.enum(["0", "1"]).optional(),
  NODE_ENV: z.string().default("development"),
  /** Reverse proxies whose X-Forwarded-For is believed: a count or a list (lib/server/client-address.ts). */
  TRUST_PROXY: z.string().optional(),
  /** A PostgreSQL hot standby for dashboards and exports (lib/db/replica.ts); DATABASE_URL must be PostgreSQL too. */
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//i, "DATABASE_REPLICA_URL 须为 postgresql:// 地址（只读副本只支持 PostgreSQL）")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** How far behind the standby may be before reads go to the primary instead. */
  REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0, "REPLICA_MAX_LAG_SECONDS 不能为负数").default(60),
});

export type TEnv = Omit<z.infer<typeof ZEnv>, "TRUST_PROXY"> & { AUTH_SECRET: string; APP_URL: string; TRUST_PROXY: TrustProxy };

let cached: TEnv | undefined;

export function env(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`环境变量配置有误：\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const trust = parseTrustProxy(e.TRUST_PROXY);
  if (typeof trust === "string") throw new Error(`环境变量配置有误：\nTRUST_PROXY: ${trust}`);
  if (e.DATABASE_REPLICA_URL && providerOf(e.DATABASE_URL) !== "postgresql") {
    throw new Error("环境变量配置有误：\nDATABASE_REPLICA_URL: 只读副本只能配合 PostgreSQL 主库使用（DATABASE_URL 当前是 SQLite）");
  }
  cached = {
    ...e,
    TRUST_PROXY: trust,
    AUTH_SECRET: e.AUTH_SECRET ?? process.env.BETTER_AUTH_SECRET ?? DEV_SECRET,
    APP_URL: e.APP_URL ?? process.env.BETTER_AUTH_URL ?? `http://localhost:${e.PORT}`,
  };
  return cached;
}

export function usesDevSecret(): boolean {
  return env().AUTH_SECRET === DEV_SECRET;
}

/**
 * What to do about the development secret (anyone can read it in this repository, and with it sign a session
 * cookie for any account): nothing when AUTH_SECRET is set; under an https APP_URL — a real deployment — refuse to
 * start; otherwise (a trial on a laptop, an http intranet address) warn loudly, except for `npm run dev`.
 */
export function devSecretVerdict(options: { dev: boolean }): { refuse: string } | { warn: string } | null {
  if (!usesDevSecret()) return null;
  const { APP_URL } = env();
  if (APP_URL.startsWith("https://")) {
    return { refuse: `未设置 AUTH_SECRET：APP_URL 为 ${APP_URL}（正式部署），不能使用公开的开发用密钥启动。请设置 AUTH_SECRET（至少 32 个字符，如 openssl rand -base64 48 的输出）后重试。` };
  }
  if (options.dev) return null;
  return { warn: "警告：未设置 AUTH_SECRET，正在使用公开的开发用密钥——任何人都能伪造登录。仅供试用；正式部署请设置 AUTH_SECRET（至少 32 个字符）。" };
}

export type DbProvider = "sqlite" | "postgresql";

export function providerOf(url: string): DbProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** Absolute path of a SQLite `file:` URL, resolved from the working directory (as Prisma does). */
export function sqliteFilePath(url: string): string {
  const raw = url.replace(/^file:/, "").split("?")[0];
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), raw);
}
