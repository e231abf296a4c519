import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3FileStorage } from "./s3-file-storage";
import { generateStorageKey, InvalidStorageKeyError } from "./storage-key";

/** Against a real S3-compatible server (s3rver), started for the test on a free port. */
describe("S3-compatible storage", () => {
  let server: S3rver;
  let directory: string;
  let storage: S3FileStorage;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "s3rver-"));
    server = new S3rver({
      port: 0,
      address: "127.0.0.1",
      silent: true,
      directory,
      configureBuckets: [{ name: "hospiconnect", configs: [] }],
    });
    const { port } = await server.run();
    storage = new S3FileStorage({
      bucket: "hospiconnect",
      region: "fr-par",
      endpoint: `http://127.0.0.1:${port}`,
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
      forcePathStyle: true,
    });
  });

  afterAll(async () => {
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("stores, returns and deletes a file under a generated key", async () => {
    const key = generateStorageKey("attachments");
    const bytes = new TextEncoder().encode("%PDF-1.4 accusé de réception");
    await storage.put(key, bytes, "application/pdf");
    expect(new Uint8Array((await storage.get(key))!)).toEqual(bytes);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it("stores a file of the disk in one streamed PUT and streams it back", async () => {
    const key = generateStorageKey("exports");
    const source = path.join(directory, "export.csv");
    await writeFile(source, "Établissement;FINESS\r\n".repeat(10_000));
    await storage.putFile(key, source, "text/csv");
    expect(await new Response(await storage.stream(key)).text()).toBe("Établissement;FINESS\r\n".repeat(10_000));
    expect(await storage.stream(generateStorageKey("exports"))).toBeNull();
  });

  it("lists the bucket's objects with their last change", async () => {
    const keys = [generateStorageKey("attachments"), generateStorageKey("receipts")];
    for (const key of keys) await storage.put(key, new Uint8Array([1]), "application/pdf");
    const listed = new Map<string, Date>();
    for await (const object of storage.list()) listed.set(object.key, object.modifiedAt);
    for (const key of keys) expect(Date.now() - listed.get(key)!.getTime()).toBeLessThan(60_000);
  });

  it("refuses a key it did not generate", async () => {
    await expect(storage.put("../../etc/passwd", new Uint8Array([1]), "text/plain")).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });
});
