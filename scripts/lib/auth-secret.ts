import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/config/env";
import { PRIVATE_FOLDER_MODE, writePrivateFile } from "@/lib/storage/private-files";

/**
 * The session-signing secret of a local install: AUTH_SECRET when set, otherwise one generated at
 * the first start and kept beside the embedded database (sessions survive restarts).
 */
export async function localAuthSecret(): Promise<string> {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = `${env.EMBEDDED_DB_DIR}.auth-secret`;
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true, mode: PRIVATE_FOLDER_MODE });
  await writePrivateFile(file, secret);
  return secret;
}
