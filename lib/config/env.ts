import { existsSync } from "node:fs";
import { z } from "zod";

/**
 * Reverse proxies whose forwarding headers (X-Forwarded-For, X-Real-IP) are believed: how many sit
 * in front of the app (`1` for one nginx), or their addresses (`10.0.0.0/8,192.0.2.10`). Unset:
 * none, and the client's address is the socket's (a client sets those headers at will).
 */
export const ZTrustedProxies = z
  .string()
  .trim()
  .default("")
  .transform((value, ctx): TrustedProxies => {
    if (value === "") return { kind: "none" };
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops > 10) ctx.addIssue({ code: "custom", message: "a hop count is 10 at most" });
      return hops === 0 ? { kind: "none" } : { kind: "hops", hops };
    }
    const ranges = value.split(",").map((range) => range.trim());
    const address = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);
    const wrong = ranges.filter((range) => !address.safeParse(range).success);
    if (wrong.length > 0)
      ctx.addIssue({
        code: "custom",
        message: `a hop count or a comma-separated list of addresses or CIDR ranges, not ${wrong.join(", ")}`,
      });
    return { kind: "ranges", ranges };
  });

export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "ranges"; ranges: readonly string[] };

/**
 * The only reader of `process.env` (a lint rule enforces it): every setting is parsed and
 * defaulted here once, and a wrong value stops the process with a message naming it.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** A real PostgreSQL. Without it, `npm start` runs the embedded one and sets this for the app. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * The same database as the role that owns its tables, for migrations only (ADR 0036), when
   * DATABASE_URL names a runtime role that does not own them. Unset: migrations use DATABASE_URL.
   */
  DATABASE_MIGRATION_URL: z.string().url().optional(),
  /** Where the embedded PostgreSQL keeps its data. */
  EMBEDDED_DB_DIR: z.string().default(".data/pglite"),
  /** Port of the embedded PostgreSQL on 127.0.0.1 (0: any free port). */
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Connections kept by the app's pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** How long a request waits for a database connection before failing (ms). */
  DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  /**
   * How long a statement may wait for a lock another session holds (ms), and how long it may run at
   * all: past them PostgreSQL cancels it and the request answers 503 « réessayez », instead of
   * holding its connection as long as the lock or the stall lasts. 0: no limit. The embedded
   * database, one transaction at a time, ignores both.
   */
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).default(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  /** Port the web server listens on. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public origin of the app, as users type it (used for links in e-mails and WebAuthn). */
  APP_URL: z.string().url().default("http://localhost:3000"),
  /** Demo mode: demo data and one-time demo sign-in links. Defaults to on with the embedded database. */
  DEMO_MODE: z.enum(["true", "false"]).optional(),

  /** Signs session cookies. Required in production; development and tests use a fixed local value. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Absolute lifetime of a session, whatever the activity (PSC keeps its sessions 4 hours). */
  SESSION_LIFETIME_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(240),
  /** A session unused for this long ends. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),

  /** WebAuthn relying party: the registrable domain of APP_URL unless set. */
  WEBAUTHN_RP_ID: z.string().optional(),
  WEBAUTHN_RP_NAME: z.string().default("HospiConnect – ANS"),

  /** Pro Santé Connect (OpenID Connect). Without an issuer, PSC sign-in is not offered. */
  PSC_ISSUER: z.string().url().optional(),
  PSC_CLIENT_ID: z.string().optional(),
  PSC_CLIENT_SECRET: z.string().optional(),
  PSC_SCOPES: z.string().default("openid scope_all"),
  /** The claim (ID token or UserInfo) carrying the national identifier: 8 + RPPS, or the RPPS. */
  PSC_RPPS_CLAIM: z.string().default("SubjectNameID"),
  /** Requested and accepted authentication context (PSC answers eidas1 for two-factor MIE). */
  PSC_ACR_VALUES: z.string().default("eidas1"),

  /** Reverse proxies whose forwarding headers are believed (see ZTrustedProxies). */
  TRUSTED_PROXIES: ZTrustedProxies,
  /** Multiplies the per-address attempt limits (for a proxy that hides client addresses, or tests). */
  RATE_LIMIT_PER_IP_SCALE: z.coerce.number().int().min(1).max(1000).default(1),
  /** Calls of the public read API (/api/v1) one token may make per minute. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),

  /** Validity of an invitation link. */
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),

  /** Where uploaded files and receipts are kept (local storage). */
  STORAGE_DIR: z.string().default(".data/files"),
  /** S3-compatible object storage instead of STORAGE_DIR (bucket, region, endpoint, keys). */
  STORAGE_S3_BUCKET: z.string().optional(),
  STORAGE_S3_REGION: z.string().default("fr-par"),
  STORAGE_S3_ENDPOINT: z.string().url().optional(),
  STORAGE_S3_ACCESS_KEY_ID: z.string().optional(),
  STORAGE_S3_SECRET_ACCESS_KEY: z.string().optional(),
  STORAGE_S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("true"),
  /** Largest file accepted as an attachment. */
  MAX_UPLOAD_MB: z.coerce.number().min(1).max(200).default(15),

  /** SMTP server, e.g. smtp://user:pass@smtp.example.org:587. Without it, e-mails stay in the in-app outbox. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("HospiConnect <ne-pas-repondre@hospiconnect.esante.gouv.fr>"),

  /** Exports of more rows than this run in the background and are downloaded later (ADR 0019); tests lower it. */
  EXPORT_BACKGROUND_THRESHOLD: z.coerce.number().int().min(0).default(2_000),

  /** Background jobs (lib/jobs): run the worker inside each web process; `false` where `npm run worker` runs apart. */
  RUN_JOBS: z.enum(["true", "false"]).default("true"),
  /**
   * How often a worker checks the schedules for an occurrence due (pg-boss's cron monitor; the
   * occurrence is queued within 5 s after). An occurrence runs once however many workers check.
   * Drills shorten it, not the schedules: an occurrence is still at most one a minute.
   */
  JOB_SCHEDULE_CHECK_SECONDS: z.coerce.number().int().min(1).max(45).default(30),
  /**
   * How often each worker looks for runs whose process died (lib/jobs/liveness.ts, with a random
   * spread of a quarter either way), and how old a run must be before a sweep looks at it (its
   * worker may not have taken its lock yet). A dead process's run is run again within about their
   * sum; shorter means more queries. Drills shorten both.
   */
  JOB_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(600).default(15),
  JOB_SWEEP_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  /** Replaces schedules of the job registry, e.g. `daily-snapshots=5 1 * * *;expire-stale-imports=0 4 * * *` (cron, Paris time). */
  JOB_SCHEDULES: z.string().optional(),
  /** Structured JSON logs on standard output: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
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
  // next-auth builds its callback URLs from NEXTAUTH_URL: from configuration, never from the Host header.
  process.env.NEXTAUTH_URL ??= result.data.APP_URL;
  return result.data;
}

export const env: Env = parseEnv();

const DEVELOPMENT_SECRET = "hospiconnect-development-secret-not-for-production";

/**
 * The secret that signs session cookies. `npm start` generates one for the embedded database and
 * keeps it beside the data; a production deployment sets its own.
 */
export function authSecret(settings: Pick<Env, "AUTH_SECRET" | "NODE_ENV"> = env): string {
  if (settings.AUTH_SECRET) return settings.AUTH_SECRET;
  if (settings.NODE_ENV === "production") throw new Error("AUTH_SECRET must be set (32 characters or more).");
  return DEVELOPMENT_SECRET;
}

/** Demo mode is on by default only when no real database is configured. */
export function isDemoMode(settings: Pick<Env, "DEMO_MODE" | "DATABASE_URL"> = env): boolean {
  return settings.DEMO_MODE ? settings.DEMO_MODE === "true" : settings.DATABASE_URL === undefined;
}

/** Whether establishment members may sign in (and accept an invitation) with Pro Santé Connect here. */
export function proSanteConnectEnabled(): boolean {
  return Boolean(env.PSC_ISSUER && env.PSC_CLIENT_ID);
}
