import { describe, expect, it } from "vitest";
import { describeStorage, storageConfigOf } from "@/lib/storage/config";

describe("storage configuration", () => {
  it("is FILES_DIR on local disk unless STORAGE_URL is set", () => {
    expect(storageConfigOf({}, "/srv/app")).toEqual({ driver: "local", root: "/srv/app/data/files" });
    expect(storageConfigOf({ FILES_DIR: "/mnt/files", STORAGE_URL: " " }, "/srv/app")).toEqual({ driver: "local", root: "/mnt/files" });
  });

  it("reads an S3 URL: bucket, prefix, endpoint, region, keys; path style by default with an endpoint", () => {
    expect(storageConfigOf({ STORAGE_URL: "s3://edu-files?endpoint=http://minio:9000" }, "/")).toEqual({
      driver: "s3",
      bucket: "edu-files",
      prefix: "",
      endpoint: "http://minio:9000",
      region: "us-east-1",
      forcePathStyle: true,
      credentials: undefined,
    });
    const c = storageConfigOf({ STORAGE_URL: "s3://AKID:se%2Fcret@edu.files/county/2021/?endpoint=https://oss.example.cn&region=cn-north-1&path_style=false" }, "/");
    expect(c).toMatchObject({ bucket: "edu.files", prefix: "county/2021", region: "cn-north-1", forcePathStyle: false, credentials: { accessKeyId: "AKID", secretAccessKey: "se/cret" } });
    expect(describeStorage(c)).toBe("s3://edu.files/county/2021 @ https://oss.example.cn");
    expect(storageConfigOf({ STORAGE_URL: "s3://edu-files" }, "/")).toMatchObject({ endpoint: undefined, forcePathStyle: false });
  });

  it("refuses what it cannot use, saying what to fix", () => {
    const error = (url: string) => {
      try {
        storageConfigOf({ STORAGE_URL: url }, "/");
      } catch (e) {
        return (e as Error).message.replace(/。格式如.*$/, "");
      }
      return "accepted";
    };
    expect(error("minio:9000/edu")).toBe("STORAGE_URL 配置有误：只支持 s3://（S3 兼容的对象存储，如 MinIO），不支持 minio://");
    expect(error("s3://Edu_Files")).toBe("STORAGE_URL 配置有误：存储桶名称应为 3–63 位小写字母、数字、点或连字符");
    expect(error("s3://edu-files?endpoint=minio:9000")).toBe("STORAGE_URL 配置有误：endpoint 应为 http:// 或 https:// 开头的地址");
    expect(error("s3://edu-files?endpiont=http://x")).toBe("STORAGE_URL 配置有误：不认识的参数 endpiont（可用 endpoint、region、path_style）");
    expect(error("s3://edu-files?path_style=yes")).toBe("STORAGE_URL 配置有误：path_style 只能是 true 或 false");
    expect(error("s3://AKID@edu-files")).toBe("STORAGE_URL 配置有误：访问密钥应写成 s3://密钥ID:密钥@存储桶，两者缺一不可");
    expect(error("s3://edu-files/Bad Prefix")).toBe("STORAGE_URL 配置有误：路径前缀只能含小写字母、数字、“_”“-”和“/”");
    expect(error("s3://")).toMatch(/^STORAGE_URL 配置有误：/);
  });
});
