import { randomBytes } from "node:crypto";

/**
 * Storage keys: `<area>/<32 lowercase hex characters>` (128 random bits), e.g.
 * `attachments/9f86d081884c7d659a2feaa0c55ad015`. Generated here only: a user's file name never
 * reaches a path or an object key, so no `..`, no absolute path, no name collision, and nothing
 * to learn from a key. Lowercase only, so two keys never collide on a case-insensitive disk.
 *
 * - `generateStorageKey(area)` → a new key
 * - `isValidStorageKey(key)` / `assertStorageKey(key)` → what every FileStorage checks first
 */
export type StorageArea = "attachments" | "receipts" | "decision-letters" | "result-declarations" | "exports" | "roster-imports";

const SEGMENT = "[a-z0-9][a-z0-9_-]{0,63}";
const KEY = new RegExp(`^${SEGMENT}(?:/${SEGMENT}){0,3}$`);

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`Invalid storage key: ${JSON.stringify(key.slice(0, 100))}`);
    this.name = "InvalidStorageKeyError";
  }
}

export function generateStorageKey(area: StorageArea): string {
  return `${area}/${randomBytes(16).toString("hex")}`;
}

/** Segments of lowercase letters, digits, `-` and `_`, starting with a letter or digit: `..`, `/x` and `C:` cannot match. */
export function isValidStorageKey(key: string): boolean {
  return KEY.test(key);
}

export function assertStorageKey(key: string): void {
  if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(key);
}
