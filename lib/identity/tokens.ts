import { createHash, randomBytes } from "node:crypto";

/** A random single-use token for a link (invitation, demo sign-in): 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this hash is stored: a database leak gives no usable link. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
