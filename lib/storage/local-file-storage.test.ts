import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalFileStorage } from "./local-file-storage";
import { generateStorageKey, InvalidStorageKeyError } from "./storage-key";

let root: string;
let storage: LocalFileStorage;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "hospiconnect-storage-"));
  storage = new LocalFileStorage(root);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("LocalFileStorage", () => {
  it("lists its objects by key and last change, not a crash's temporary files", async () => {
    const [first, second] = [generateStorageKey("attachments"), generateStorageKey("receipts")];
    await storage.put(first, Buffer.from("a"), "application/pdf");
    await storage.put(second, Buffer.from("b"), "application/pdf");
    await writeFile(path.join(root, "receipts", "0123.abcdef.tmp"), "half");
    const listed = [];
    for await (const object of storage.list()) listed.push(object);
    expect(listed.map((object) => object.key).sort()).toEqual([first, second].sort());
    expect(listed.every((object) => Date.now() - object.modifiedAt.getTime() < 60_000)).toBe(true);
  });

  it("lists nothing before anything was stored", async () => {
    const empty = new LocalFileStorage(path.join(root, "jamais-cree"));
    for await (const object of empty.list()) throw new Error(`unexpected ${object.key}`);
  });

  it("gives back the bytes it was given, under a generated key", async () => {
    const key = generateStorageKey("attachments");
    const bytes = Buffer.from("%PDF-1.7 procédure");
    await storage.put(key, bytes, "application/pdf");
    expect(await storage.get(key)).toEqual(bytes);
    expect(await readdir(path.join(root, "attachments"))).toEqual([key.split("/")[1]]);
  });

  it("stores a file of the disk and streams it back, leaving the source in place", async () => {
    const key = generateStorageKey("exports");
    const source = path.join(root, "source.csv");
    await writeFile(source, "Établissement;FINESS\r\n".repeat(10_000));
    await storage.putFile(key, source, "text/csv");
    const streamed = await new Response(await storage.stream(key)).text();
    expect(streamed).toBe("Établissement;FINESS\r\n".repeat(10_000));
    expect((await stat(source)).isFile()).toBe(true);
    expect(await storage.stream(generateStorageKey("exports"))).toBeNull();
  });

  it("keeps files readable by the app's account only", async () => {
    const key = generateStorageKey("receipts");
    await storage.put(key, new Uint8Array([1, 2, 3]), "application/pdf");
    const mode = (await stat(path.join(root, ...key.split("/")))).mode & 0o777;
    if (process.platform !== "win32") expect(mode).toBe(0o600);
  });

  it("replaces an object put twice, leaving no temporary file", async () => {
    const key = generateStorageKey("attachments");
    await storage.put(key, Buffer.from("first"), "application/pdf");
    await storage.put(key, Buffer.from("second"), "application/pdf");
    expect((await storage.get(key))?.toString()).toBe("second");
    expect(await readdir(path.join(root, "attachments"))).toHaveLength(1);
  });

  it("answers null for a missing key, and deletes whether or not the object exists", async () => {
    const key = generateStorageKey("attachments");
    expect(await storage.get(key)).toBeNull();
    await storage.put(key, Buffer.from("x"), "application/pdf");
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it.each([
    "../secret",
    "attachments/../../etc/passwd",
    "/etc/passwd",
    "attachments//x",
    "attachments/x/",
    "C:\\Windows\\x",
    "attachments\\..\\x",
    ".hidden",
    "attachments/x.tmp",
    "Attachments/ABC",
    "",
    "a/b/c/d/e",
  ])("refuses the key %j before touching the disk", async (key) => {
    await expect(storage.put(key, Buffer.from("x"), "text/plain")).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    expect(await readdir(root)).toEqual([]);
  });

  it("cannot read a file placed outside its root", async () => {
    const outside = path.join(path.dirname(root), `${path.basename(root)}-outside`);
    await writeFile(outside, "secret");
    try {
      await expect(storage.get(`../${path.basename(outside)}`)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    } finally {
      await rm(outside, { force: true });
    }
  });
});

describe("generateStorageKey", () => {
  it("makes random keys in the area, with nothing from the user", () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateStorageKey("attachments")));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(key).toMatch(/^attachments\/[0-9a-f]{32}$/);
    expect(generateStorageKey("receipts")).toMatch(/^receipts\/[0-9a-f]{32}$/);
  });
});
