import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { FileStorage, StoredObject } from "./file-storage";
import { assertStorageKey, isValidStorageKey } from "./storage-key";

export type S3Settings = {
  bucket: string;
  region: string;
  /** For S3-compatible services (OVHcloud, Scaleway, MinIO…); omit for AWS. */
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path rather than the host name, as most S3-compatible services expect. */
  forcePathStyle: boolean;
};

/** A FileStorage in an S3-compatible bucket (same contract as the local folder, see file-storage.ts). */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      // A streamed body would otherwise be sent aws-chunked with a trailing checksum, which
      // S3-compatible services (and s3rver) store as is, chunk headers included.
      ...(settings.endpoint ? { requestChecksumCalculation: "WHEN_REQUIRED" as const } : {}),
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    });
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new PutObjectCommand({ Bucket: this.settings.bucket, Key: key, Body: bytes, ContentType: contentType }));
  }

  /** One PUT streamed from the disk, its length known beforehand (up to S3's 5 GB for a single PUT). */
  async putFile(key: string, file: string, contentType: string): Promise<void> {
    assertStorageKey(key);
    const { size } = await stat(file);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: key,
        Body: createReadStream(file),
        ContentLength: size,
        ContentType: contentType,
      }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    const body = await this.body(key);
    return body ? Buffer.from(await body.transformToByteArray()) : null;
  }

  async stream(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const body = await this.body(key);
    return body ? (body.transformToWebStream() as ReadableStream<Uint8Array>) : null;
  }

  private async body(key: string) {
    assertStorageKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return object.Body ?? null;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
  }

  /** The bucket's objects, a page of 1,000 at a time; objects whose name is not a key are not ours. */
  async *list(): AsyncIterable<StoredObject> {
    let continuationToken: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.settings.bucket, ContinuationToken: continuationToken }));
      for (const object of page.Contents ?? []) {
        if (object.Key && object.LastModified && isValidStorageKey(object.Key)) yield { key: object.Key, modifiedAt: object.LastModified };
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
  }
}
