import "server-only";
// Which storage the instance uses. FILES_DIR (default data/files) is one disk; STORAGE_URL=s3://… is an object
// store that several instances share:
//   STORAGE_URL=s3://edu-files?endpoint=http://minio.internal:9000
//   STORAGE_URL=s3://ACCESS_KEY:SECRET@edu-files/county-reports?endpoint=https://oss.example.cn&region=cn-north-1
// Keys may also come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (the SDK's usual places), which keeps the
// secret out of the URL. With an endpoint, path-style addressing (http://host/bucket/key, what MinIO expects) is the
// default; path_style=false asks for virtual-hosted style (http://bucket.host/key).
import path from "node:path";
import { z } from "zod";
import type { S3Location } from "@/lib/storage/s3";

export type StorageConfig = { driver: "local"; root: string } | ({ driver: "s3" } & S3Location);

/** S3's own rule: 3–63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit. */
const ZBucket = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "存储桶名称应为 3–63 位小写字母、数字、点或连字符");
const ZPrefix = z.string().regex(/^([a-z0-9][a-z0-9_-]*)(\/[a-z0-9][a-z0-9_-]*)*$/, "路径前缀只能含小写字母、数字、“_”“-”和“/”");
const ZEndpoint = z.string().refine((v) => {
  try {
    return ["http:", "https:"].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}, "endpoint 应为 http:// 或 https:// 开头的地址");
const ZRegion = z.string().regex(/^[a-z0-9-]{1,40}$/, "region 应为小写字母、数字和连字符");
const ZFlag = z.enum(["true", "false", "1", "0"], { message: "path_style 只能是 true 或 false" });

/** Reads STORAGE_URL / FILES_DIR; a STORAGE_URL it cannot use is refused with what to fix, in Chinese. */
export function storageConfigOf(envs: { STORAGE_URL?: string; FILES_DIR?: string }, cwd: string): StorageConfig {
  const raw = envs.STORAGE_URL?.trim();
  if (!raw) return { driver: "local", root: path.resolve(cwd, envs.FILES_DIR ?? "data/files") };
  const fail = (why: string): never => {
    throw new Error(`STORAGE_URL 配置有误：${why}。格式如 s3://存储桶[/前缀]?endpoint=http://主机:端口`);
  };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail("不是有效的地址");
  }
  if (url.protocol !== "s3:") fail(`只支持 s3://（S3 兼容的对象存储，如 MinIO），不支持 ${url.protocol}//`);
  const known = new Set(["endpoint", "region", "path_style"]);
  for (const name of url.searchParams.keys()) if (!known.has(name)) fail(`不认识的参数 ${name}（可用 endpoint、region、path_style）`);
  const field = <T>(schema: z.ZodType<T>, value: unknown): T => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : fail(parsed.error.issues[0].message);
  };
  const bucket = field(ZBucket, url.hostname);
  const rawPrefix = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, "");
  const prefix = rawPrefix ? field(ZPrefix, rawPrefix) : "";
  const endpoint = url.searchParams.has("endpoint") ? field(ZEndpoint, url.searchParams.get("endpoint")) : undefined;
  const region = url.searchParams.has("region") ? field(ZRegion, url.searchParams.get("region")) : "us-east-1";
  const pathStyle = url.searchParams.has("path_style") ? ["true", "1"].includes(field(ZFlag, url.searchParams.get("path_style"))) : endpoint !== undefined;
  if (Boolean(url.username) !== Boolean(url.password)) fail("访问密钥应写成 s3://密钥ID:密钥@存储桶，两者缺一不可");
  const credentials = url.username ? { accessKeyId: decodeURIComponent(url.username), secretAccessKey: decodeURIComponent(url.password) } : undefined;
  return { driver: "s3", bucket, prefix, endpoint, region, forcePathStyle: pathStyle, credentials };
}

/** The URL without its secret, for logs and the operator's messages. */
export function describeStorage(config: StorageConfig): string {
  if (config.driver === "local") return config.root;
  return `s3://${config.bucket}${config.prefix ? `/${config.prefix}` : ""}${config.endpoint ? ` @ ${config.endpoint}` : ""}`;
}
