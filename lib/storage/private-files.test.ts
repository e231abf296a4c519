import { chmod, mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makePrivateFolder, writePrivateFile } from "./private-files";

let root: string;
const mode = async (entry: string) => (await stat(entry)).mode & 0o777;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "hospiconnect-private-"));
  await chmod(root, 0o755);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.skipIf(process.platform === "win32")("private folders and files", () => {
  it("creates a folder and the parents it lacked for the app's account only, leaving existing parents alone", async () => {
    await makePrivateFolder(path.join(root, "backups", "2026", "tables"));
    expect(await mode(root)).toBe(0o755);
    for (const folder of ["backups", "backups/2026", "backups/2026/tables"]) expect(await mode(path.join(root, folder))).toBe(0o700);
  });

  it("tightens a folder that already existed open to others", async () => {
    const open = path.join(root, "pglite");
    await mkdir(open);
    await chmod(open, 0o777);
    await makePrivateFolder(open);
    expect(await mode(open)).toBe(0o700);
  });

  it("writes files readable by the app's account only", async () => {
    await writePrivateFile(path.join(root, "manifest.json"), "{}");
    expect(await mode(path.join(root, "manifest.json"))).toBe(0o600);
  });
});
