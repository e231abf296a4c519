import { chmod, mkdir, writeFile } from "node:fs/promises";

/**
 * Folders and files only the app's account may open: stored files, backups and the embedded
 * database hold personal data (names, birth dates, RPPS numbers, attachments, token hashes).
 * Modes are ignored on Windows, where the folder's ACL (inherited from the user's profile) does it.
 */
export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `folder`, and any missing parent, private; tightens it when it already existed wider
 * (made by an earlier version, or by hand under a 0022 umask). Parents that already existed are
 * left as they are: they may hold what is not ours.
 */
export async function makePrivateFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  await chmod(folder, PRIVATE_FOLDER_MODE);
}

/** Writes a new file readable and writable by the app's account only. */
export async function writePrivateFile(file: string, data: string | Uint8Array): Promise<void> {
  await writeFile(file, data, { mode: PRIVATE_FILE_MODE });
}
