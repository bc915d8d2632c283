import "server-only";
// The environment, validated once. Defaults make `npm start` work on a fresh clone; production deployments
// set AUTH_SECRET and APP_URL explicitly (docs/deployment.md).
import path from "node:path";
import { z } from "zod";

const DEV_SECRET = "dev-only-secret-change-me-in-production-0123456789";

const ZEnv = z.object({
  DATABASE_URL: z.string().min(1).default("file:./data/app.db"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET 至少 32 个字符").optional(),
  APP_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DEMO: z.enum(["0", "1"]).optional(),
  NODE_ENV: z.string().default("development"),
});

export type TEnv = z.infer<typeof ZEnv> & { AUTH_SECRET: string; APP_URL: string };

let cached: TEnv | undefined;

export function env(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`环境变量配置有误：\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  cached = {
    ...e,
    AUTH_SECRET: e.AUTH_SECRET ?? process.env.BETTER_AUTH_SECRET ?? DEV_SECRET,
    APP_URL: e.APP_URL ?? process.env.BETTER_AUTH_URL ?? `http://localhost:${e.PORT}`,
  };
  return cached;
}

export function usesDevSecret(): boolean {
  return env().AUTH_SECRET === DEV_SECRET;
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
