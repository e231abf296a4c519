/**
 * Known Prisma errors, recognised by their documented code, so use cases can turn them into the
 * app's error type (a unique violation becomes a CONFLICT with a French message on the field).
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
