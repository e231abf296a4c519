/**
 * Writing many professionals at once, as one statement per table (per 5,000 rows): `INSERT … SELECT FROM unnest`
 * and `UPDATE … FROM unnest` with one array parameter per column (ADR 0003: Prisma's createMany
 * costs about 1 ms per row, 34× a COPY; unnest stays within a small factor of it). Callers run
 * these inside their transaction, so an import is written whole or not at all.
 *
 * Public API: `RosterWriter`, `insertProfessionals`, `updateProfessionals`, `replaceEnrollments`,
 * `loadStoredRoster`.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { StoredProfessional } from "./import-plan";
import type { ProfessionalRecord } from "./template/columns";

export type RosterWriter = Db | Prisma.TransactionClient;

const iso = (date: Date | null) => (date === null ? null : date.toISOString().slice(0, 10));

/** The Professional columns a record fills, with their SQL array types, in one order. */
const COLUMNS: ReadonlyArray<[column: string, sqlType: string, value: (record: ProfessionalRecord) => unknown]> = [
  ["lastName", "text", (record) => record.lastName],
  ["firstName", "text", (record) => record.firstName],
  ["birthDate", "date", (record) => iso(record.birthDate)],
  ["population", `"Population"`, (record) => record.population],
  ["professionCode", "text", (record) => record.professionCode],
  ["category", `"ProfessionalCategory"`, (record) => record.category],
  ["rpps", "text", (record) => record.rpps],
  ["rppsStatus", `"RppsStatus"`, (record) => record.rppsStatus],
  ["rppsCheckedAt", "date", (record) => iso(record.rppsCheckedAt)],
  ["identityVerification", `"IdentityVerification"`, (record) => record.identityVerification],
  ["activityStart", "date", (record) => iso(record.activityStart)],
  ["activityEnd", "date", (record) => iso(record.activityEnd)],
  ["needsDmp", "boolean", (record) => record.needsDmp],
  ["needsDpi", "boolean", (record) => record.needsDpi],
  ["needsPscServices", "boolean", (record) => record.needsPscServices],
  ["needsSecureMessaging", "boolean", (record) => record.needsSecureMessaging],
];

// Enumerations travel as text[] and are cast once inside the statement.
const arrayParam = (sqlType: string, index: number) =>
  sqlType.startsWith('"') ? `$${index}::text[]::${sqlType}[]` : `$${index}::${sqlType}[]`;

function columnArrays(records: readonly ProfessionalRecord[]): unknown[][] {
  return COLUMNS.map(([, , value]) => records.map(value));
}

/**
 * Rows per statement. The parameters of a statement are built and sent in one go, on the thread
 * that serves every request (and runs the embedded database): 100,000 rows in one statement held
 * it for seconds, 5,000 rows 50 to 80 ms of CPU (the driver writes each array as text). In
 * statements of this size, within the caller's one transaction, the others are served between two
 * (ADR 0006, amended 7 December), for a few more round trips.
 */
const ROWS_PER_STATEMENT = 2_000;

/**
 * Writes `items` one statement per `ROWS_PER_STATEMENT` of them; the rows written, summed. Each
 * batch is taken from `items` when its turn comes: the rows of 80,000 professionals and their
 * 160,000 enrolments are never all built at once between two statements.
 */
async function inStatements<T>(items: Iterable<T>, write: (batch: readonly T[]) => Promise<number>): Promise<number> {
  let written = 0;
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length < ROWS_PER_STATEMENT) continue;
    written += await write(batch);
    batch = [];
  }
  if (batch.length > 0) written += await write(batch);
  return written;
}

/** Inserts the records as new professionals of the establishment; returns their ids, in order. */
export async function insertProfessionals(
  client: RosterWriter,
  establishmentId: string,
  records: readonly ProfessionalRecord[],
): Promise<string[]> {
  // Drawn as the rows are taken, not 80,000 before the first statement.
  const ids: string[] = [];
  const names = COLUMNS.map(([column]) => `"${column}"`).join(", ");
  const params = COLUMNS.map(([, sqlType], index) => arrayParam(sqlType, index + 3)).join(", ");
  // Taken one statement at a time (`inStatements`), and again for their enrolments.
  function* rows() {
    for (const [index, record] of records.entries()) yield { id: (ids[index] ??= randomUUID()), record };
  }
  function* enrollmentLists() {
    for (const { id, record } of rows()) yield { professionalId: id, enrollments: record.enrollments };
  }
  await inStatements(rows(), (batch) =>
    client.$executeRawUnsafe(
      `INSERT INTO "Professional" ("id", "establishmentId", ${names}, "updatedAt")
     SELECT u.id, $2::uuid, ${COLUMNS.map((_, index) => `u.c${index}`).join(", ")}, now()
     FROM unnest($1::uuid[], ${params}) AS u(id, ${COLUMNS.map((_, index) => `c${index}`).join(", ")})`,
      batch.map((row) => row.id),
      establishmentId,
      ...columnArrays(batch.map((row) => row.record)),
    ),
  );
  await replaceEnrollments(client, enrollmentLists(), false);
  return ids;
}

/**
 * Overwrites the professionals' columns with the records, only where the stored version is still
 * the one read (optimistic concurrency); returns how many rows were written.
 */
export async function updateProfessionals(
  client: RosterWriter,
  establishmentId: string,
  updates: ReadonlyArray<{ id: string; version: number; record: ProfessionalRecord }>,
): Promise<number> {
  const assignments = COLUMNS.map(([column], index) => `"${column}" = u.c${index}`).join(", ");
  const params = COLUMNS.map(([, sqlType], index) => arrayParam(sqlType, index + 4)).join(", ");
  return inStatements(updates, (batch) =>
    client.$executeRawUnsafe(
      `UPDATE "Professional" AS p SET ${assignments}, "version" = p."version" + 1, "updatedAt" = now()
     FROM unnest($1::uuid[], $2::int[], ${params}) AS u(id, version, ${COLUMNS.map((_, index) => `c${index}`).join(", ")})
     WHERE p."id" = u.id AND p."version" = u.version AND p."establishmentId" = $3::uuid`,
      batch.map((update) => update.id),
      batch.map((update) => update.version),
      establishmentId,
      ...columnArrays(batch.map((update) => update.record)),
    ),
  );
}

/** Sets each professional's MIE enrolments to the given list (deleting the previous ones first). */
export async function replaceEnrollments(
  client: RosterWriter,
  lists: Iterable<{ professionalId: string; enrollments: ProfessionalRecord["enrollments"] }>,
  deletePrevious = true,
): Promise<void> {
  // Read twice when the previous ones are deleted first.
  const professionals = deletePrevious ? [...lists] : lists;
  if (deletePrevious) {
    await inStatements(professionals, (batch) =>
      client.$executeRawUnsafe(
        `DELETE FROM "MieEnrollment" WHERE "professionalId" = ANY($1::uuid[])`,
        batch.map((list) => list.professionalId),
      ),
    );
  }
  function* rows() {
    for (const list of professionals)
      for (const enrollment of list.enrollments) yield { professionalId: list.professionalId, ...enrollment };
  }
  await inStatements(rows(), (batch) =>
    client.$executeRawUnsafe(
      `INSERT INTO "MieEnrollment" ("id", "professionalId", "type", "enrolledAt", "expiresAt", "revokedAt")
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[]::"MieType"[], $4::date[], $5::date[], $6::date[])`,
      batch.map(() => randomUUID()),
      batch.map((row) => row.professionalId),
      batch.map((row) => row.type),
      batch.map((row) => iso(row.enrolledAt)),
      batch.map((row) => iso(row.expiresAt)),
      batch.map((row) => iso(row.revokedAt)),
    ),
  );
}

/** Every professional of the establishment as the import compares them, with their enrolments. */
export async function loadStoredRoster(client: RosterWriter, establishmentId: string): Promise<StoredProfessional[]> {
  const professionals = await client.professional.findMany({
    where: { establishmentId },
    omit: { establishmentId: true, createdAt: true, updatedAt: true },
    include: { enrollments: { select: { type: true, enrolledAt: true, expiresAt: true, revokedAt: true } } },
  });
  return professionals;
}
