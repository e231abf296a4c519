/**
 * The application's one error type. Domain functions throw it for expected refusals; the route
 * wrapper and pages turn it into a status and a French message. Anything else is a bug: logged, and
 * shown to the user as a generic message.
 *
 * | code             | status | when |
 * |------------------|--------|------|
 * | UNAUTHENTICATED  | 401 | no valid session |
 * | FORBIDDEN        | 403 | signed in, but the role or the state does not allow the action |
 * | NOT_FOUND        | 404 | no such resource, or not visible to the caller (never tells which) |
 * | METHOD_NOT_ALLOWED | 405 | a method the route does not answer (`Allow` lists the others, proxy.ts) |
 * | INVALID_INPUT    | 422 | the input breaks a rule; `fieldErrors` says where |
 * | CONFLICT         | 409 | someone changed the resource meanwhile (optimistic concurrency) or it exists already |
 * | INVALID_STATE    | 409 | the resource's state does not allow it (e.g. a submitted dossier) |
 * | DEADLINE_PASSED  | 409 | the closing time has passed |
 * | RATE_LIMITED     | 429 | too many attempts |
 * | PAYLOAD_TOO_LARGE| 413 | an upload above its configured size (the message names the limit) |
 * | UNAVAILABLE      | 503 | our side failed (database incident) on an expected path: nothing was changed, retry |
 * | CROSS_ORIGIN     | 403 | a state-changing request from another site |
 */
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "INVALID_INPUT"
  | "CONFLICT"
  | "INVALID_STATE"
  | "DEADLINE_PASSED"
  | "RATE_LIMITED"
  | "PAYLOAD_TOO_LARGE"
  | "UNAVAILABLE"
  | "CROSS_ORIGIN";

export const STATUS_OF: Readonly<Record<AppErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  INVALID_INPUT: 422,
  CONFLICT: 409,
  INVALID_STATE: 409,
  DEADLINE_PASSED: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNAVAILABLE: 503,
  CROSS_ORIGIN: 403,
};

const DEFAULT_MESSAGES: Readonly<Record<AppErrorCode, string>> = {
  UNAUTHENTICATED: "Votre session a expiré. Reconnectez-vous pour continuer.",
  FORBIDDEN: "Vous n'avez pas accès à cette action.",
  NOT_FOUND: "Cette page ou ce document n'existe pas, ou vous n'y avez pas accès.",
  METHOD_NOT_ALLOWED: "Cette adresse ne répond pas à cette méthode : l'en-tête Allow donne celles qu'elle accepte.",
  INVALID_INPUT: "Certaines informations ne sont pas valides.",
  CONFLICT: "Ces informations ont été modifiées entre-temps.",
  INVALID_STATE: "Cette action n'est plus possible dans l'état actuel du dossier.",
  DEADLINE_PASSED: "La date limite est dépassée.",
  RATE_LIMITED: "Trop de tentatives. Réessayez dans quelques minutes.",
  PAYLOAD_TOO_LARGE: "Le fichier est trop volumineux.",
  UNAVAILABLE:
    "Le service n'a pas pu terminer votre demande à cause d'un incident de notre côté : rien n'a été modifié. Réessayez dans quelques minutes.",
  CROSS_ORIGIN: "Requête refusée.",
};

export type FieldErrors = Record<string, string[]>;

/**
 * Field errors of a value a request carries under `key` (a section's or a score sheet's `data`),
 * on the paths of the request's body: the same as the route's own parse gives for that value.
 */
export function fieldErrorsUnder(key: string, errors: Record<string, string | string[]>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([path, messages]) => [`${key}.${path}`, [messages].flat()]));
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: FieldErrors;
  /** Extra data the caller may show (e.g. what changed, when to retry). */
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, message?: string, options: { fieldErrors?: FieldErrors; details?: Record<string, unknown> } = {}) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.details = options.details;
  }

  get status(): number {
    return STATUS_OF[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
