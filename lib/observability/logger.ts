import pino from "pino";
import { env } from "@/lib/config/env";
import { currentLogContext } from "./request-id";

/**
 * The app's logger: one JSON object per line on standard output (what log collectors read), with
 * the request id (or the job) of whatever the line is about. Never log personal data or secrets:
 * ids, counts and error messages only.
 */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "hospiconnect" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  mixin: () => currentLogContext(),
});

/** An error as log fields: its message and kind, and the stack for unexpected ones. */
export function errorFields(error: unknown): { err: { message: string; name?: string; stack?: string } } {
  if (error instanceof Error) return { err: { message: error.message, name: error.name, stack: error.stack } };
  return { err: { message: String(error) } };
}

const CONSOLE_LEVELS = { log: "info", info: "info", warn: "warn", error: "error", debug: "debug" } as const;

/**
 * Sends everything the server prints through console.* (Next.js's own messages, libraries') and
 * Node's process warnings through the logger, so that every line of the server's output is JSON
 * with its request id.
 */
export function routeServerOutputToLogger(): void {
  routeConsoleToLogger();
  // Node prints its warnings (a dependency's deprecation, say) through console.error, which would
  // log them as errors: its printer gives way to a listener that logs them as warnings, with their code.
  process.removeAllListeners("warning");
  process.on("warning", (warning: Error & { code?: string }) =>
    logger.warn({ warning: { name: warning.name, code: warning.code } }, warning.message),
  );
}

function routeConsoleToLogger(): void {
  for (const [method, level] of Object.entries(CONSOLE_LEVELS) as Array<
    [keyof typeof CONSOLE_LEVELS, (typeof CONSOLE_LEVELS)[keyof typeof CONSOLE_LEVELS]]
  >) {
    console[method] = (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const text = args.map((arg) => (arg instanceof Error ? arg.message : typeof arg === "string" ? arg : safeJson(arg))).join(" ");
      logger[level](error ? errorFields(error) : {}, text);
    };
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
