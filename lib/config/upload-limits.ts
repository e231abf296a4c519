import { env } from "./env";

const MIB = 1024 * 1024;

/**
 * The sizes each upload accepts, from the configuration, in one place: the route handlers check
 * them (before reading a body that announces more), the forms state them and check them in the
 * browser, and next.config.mjs lets bodies of that size through the framework (its default stops
 * them at 10 MiB, before any of our code runs).
 */
export const UPLOAD_LIMITS = {
  /** One file of a dossier (evidence) or of a message. */
  attachmentBytes: Math.floor(env.MAX_UPLOAD_MB * MIB),
  /** Files in one message of a dossier's thread. */
  messageFiles: 5,
  /** Evidence files in one declaration of results, all objectives together (ADR 0020). */
  declarationFiles: 10,
  /** A roster file (template or Annuaire Santé extract; ADR 0006). */
  rosterImportBytes: 100 * MIB,
} as const;

/**
 * The largest JSON body a route reads: above the largest form (a score sheet of 30 criteria with
 * 4,000-character comments, a self-assessment of 20 objectives) even written in emoji.
 */
export const JSON_BODY_BYTES = 2 * MIB;

/** What a multipart body adds around its files: boundaries, part headers, the other fields. */
export const MULTIPART_ENVELOPE_BYTES = MIB;

/** The largest request body a route accepts: the framework's limit (next.config.mjs). */
export function largestRequestBodyBytes(limits = UPLOAD_LIMITS): number {
  return (
    Math.max(limits.rosterImportBytes, limits.attachmentBytes * Math.max(limits.messageFiles, limits.declarationFiles)) +
    MULTIPART_ENVELOPE_BYTES
  );
}
