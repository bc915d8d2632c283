import "server-only";
// Evidence files in an S3-compatible object store (MinIO, Ceph, every cloud): several app instances then serve the
// same files. Objects are written whole (PutObject is atomic: a reader sees the old object, none, or the new one,
// never half of it), downloads are streamed from the store to the browser without being held in memory.
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { describeStorage } from "@/lib/storage/config";
import { assertStorageKey, isStorageKey, type FileStorage } from "@/lib/storage/storage";

export type S3Location = {
  bucket: string;
  /** Prepended to every key, without a trailing "/" ("" for the bucket's root). */
  prefix: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

const status = (error: unknown) => (error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined);
const notFound = (error: unknown) => status(error) === 404 || (error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound"));

export class S3FileStorage implements FileStorage {
  readonly label: string;
  private readonly client: S3Client;

  constructor(private readonly at: S3Location) {
    this.client = new S3Client({
      region: at.region,
      endpoint: at.endpoint,
      forcePathStyle: at.forcePathStyle,
      credentials: at.credentials,
      // Only the object store answers: a failure is reported, not retried for a minute behind a user's click.
      maxAttempts: 3,
    });
    this.label = describeStorage({ driver: "s3", ...at });
  }

  private objectKey(key: string): string {
    return this.at.prefix ? `${this.at.prefix}/${assertStorageKey(key)}` : assertStorageKey(key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.at.bucket, Key: this.objectKey(key), Body: bytes, ContentLength: bytes.byteLength, ContentType: "application/octet-stream" }),
    );
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.at.bucket, Key: this.objectKey(key) }));
      // On Node the body is the HTTP response itself (an IncomingMessage): a Readable, streamed as it arrives.
      const body = out.Body;
      if (!body) return Readable.from([]);
      return body instanceof Readable ? body : Readable.fromWeb((body as { transformToWebStream(): ReadableStream }).transformToWebStream() as never);
    } catch (error) {
      if (notFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 for an unknown key too: deleting twice is not an error, as on disk.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.at.bucket, Key: this.objectKey(key) }));
  }

  async *keys(): AsyncIterable<string> {
    const prefix = this.at.prefix ? `${this.at.prefix}/` : "";
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.at.bucket, Prefix: prefix || undefined, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        const key = object.Key?.slice(prefix.length);
        if (key && isStorageKey(key)) yield key;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** For /api/health: can the bucket be reached with these credentials? */
  async check(): Promise<string | null> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.at.bucket }));
      return null;
    } catch (error) {
      const code = status(error);
      if (code === 404) return `对象存储中没有存储桶 ${this.at.bucket}（请先创建，或检查 STORAGE_URL）`;
      if (code === 403) return `对象存储拒绝访问存储桶 ${this.at.bucket}（请检查 STORAGE_URL 中的访问密钥）`;
      return `对象存储无法连接：${this.label}（${error instanceof Error ? error.message : String(error)}）`;
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}
