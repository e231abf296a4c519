import { existsSync } from "node:fs";
import { z } from "zod";

/**
 * The only reader of `process.env` (a lint rule enforces it): every setting is parsed and
 * defaulted here once, and a wrong value stops the process with a message naming it.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** A real PostgreSQL. Without it, `npm start` runs the embedded one and sets this for the app. */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded PostgreSQL keeps its data. */
  EMBEDDED_DB_DIR: z.string().default(".data/pglite"),
  /** Port of the embedded PostgreSQL on 127.0.0.1 (0: any free port). */
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Connections kept by the app's pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** How long a request waits for a database connection before failing (ms). */
  DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  /** Port the web server listens on. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public origin of the app, as users type it (used for links in e-mails and WebAuthn). */
  APP_URL: z.string().url().default("http://localhost:3000"),
  /** Demo mode: demo data and one-time demo sign-in links. Defaults to on with the embedded database. */
  DEMO_MODE: z.enum(["true", "false"]).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

function parseEnv(): Env {
  // Scripts read a local .env like Next.js does for the app; variables already set win.
  if (existsSync(".env")) process.loadEnvFile(".env");
  const result = EnvSchema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return result.data;
}

export const env: Env = parseEnv();

/** Demo mode is on by default only when no real database is configured. */
export function isDemoMode(settings: Pick<Env, "DEMO_MODE" | "DATABASE_URL"> = env): boolean {
  return settings.DEMO_MODE ? settings.DEMO_MODE === "true" : settings.DATABASE_URL === undefined;
}
