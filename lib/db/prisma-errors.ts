/**
 * Known Prisma errors, recognised by their documented code, so use cases can turn them into the
 * app's error type (a unique violation becomes a CONFLICT with a French message on the field).
 * A raw query's unique violation is P2010 ("raw query failed"), with the driver adapter's kind.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  if (error.code === "P2002") return true;
  const cause = error.code === "P2010" && "meta" in error ? (error.meta as { driverAdapterError?: { cause?: { kind?: string } } }) : null;
  return cause?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
