import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "@/lib/db/client";
import { applyRosterRows } from "@/lib/roster/apply-import";
import { rosterToCsv } from "@/lib/roster/export";
import { parseRosterFile } from "@/lib/roster/import";
import type { TemplateImportRow } from "@/lib/roster/import";
import { recordIndicatorSnapshot } from "@/lib/roster/snapshots";
import type { ProfessionalRecord } from "@/lib/roster/template/columns";
import { DEMO_ESTABLISHMENTS } from "@/prisma/seed/demo/establishments";
import { demoRoster } from "@/prisma/seed/demo/roster";
import { measure, type ScenarioResult } from "../harness";

const iso = (date: Date | null) => (date === null ? "\\N" : date.toISOString().slice(0, 10));
const text = (value: string | null) =>
  value === null
    ? "\\N"
    : value.replace(
        /[\\\t\n\r]/g,
        (character) => `\\${({ "\\": "\\", "\t": "t", "\n": "n", "\r": "r" } as Record<string, string>)[character]}`,
      );

/** Lines joined into chunks of about 1 MB: COPY is fed as a client would stream a file. */
function chunks(lines: readonly string[]): string[] {
  const result: string[] = [];
  for (let start = 0; start < lines.length; start += 5000) result.push(lines.slice(start, start + 5000).join(""));
  return result;
}

/** COPY lines of the rows the import writes: the same professionals and enrolments, ids made here. */
function copyLines(establishmentId: string, rows: readonly ProfessionalRecord[]): { professionals: string[]; enrollments: string[] } {
  const now = new Date().toISOString();
  const professionals: string[] = [];
  const enrollments: string[] = [];
  for (const row of rows) {
    const id = randomUUID();
    professionals.push(
      [
        id,
        establishmentId,
        text(row.lastName),
        text(row.firstName),
        iso(row.birthDate),
        row.population,
        row.professionCode,
        row.category,
        text(row.rpps),
        row.rppsStatus,
        iso(row.rppsCheckedAt),
        row.identityVerification,
        iso(row.activityStart),
        iso(row.activityEnd),
        row.needsDmp,
        row.needsDpi,
        row.needsPscServices,
        row.needsSecureMessaging,
        now,
      ].join("\t") + "\n",
    );
    for (const enrollment of row.enrollments) {
      enrollments.push(
        [randomUUID(), id, enrollment.type, iso(enrollment.enrolledAt), iso(enrollment.expiresAt), iso(enrollment.revokedAt)].join("\t") +
          "\n",
      );
    }
  }
  return { professionals, enrollments };
}

/**
 * Importing a roster file of `lineCount` professionals into an empty roster through the app's commit
 * path (read and check the file, match against the stored roster, write in one transaction with
 * unnest, refresh the day's indicators) against PostgreSQL's COPY of the rows it writes.
 */
export async function importRoster(db: Db, url: string, lineCount: number, runs: number): Promise<ScenarioResult> {
  const template = DEMO_ESTABLISHMENTS.find((establishment) => establishment.categoryCode === "355") ?? DEMO_ESTABLISHMENTS[0]!;
  const establishment = await db.establishment.create({
    data: {
      name: "CH import (bench)",
      finessEt: "750000018",
      finessEj: "750000026",
      categoryCode: template.categoryCode,
      regionCode: "11",
      departmentCode: "75",
      city: "Paris",
      headcount: lineCount,
    },
    select: { id: true },
  });
  const generated = demoRoster({ ...template, staff: lineCount }, establishment.id, "FIDO2_LOCAL");
  const enrollmentsOf = new Map<string, typeof generated.enrollments>();
  for (const enrollment of generated.enrollments) {
    const list = enrollmentsOf.get(enrollment.professionalId);
    if (list) list.push(enrollment);
    else enrollmentsOf.set(enrollment.professionalId, [enrollment]);
  }
  const records: ProfessionalRecord[] = generated.professionals.map((professional) => ({
    ...professional,
    enrollments: (enrollmentsOf.get(professional.id) ?? []).map(({ type, enrolledAt, expiresAt, revokedAt }) => ({
      type,
      enrolledAt,
      expiresAt,
      revokedAt,
    })),
  }));
  const file = { bytes: rosterToCsv(records), fileName: "registre.csv" };
  const professionCodes = (await db.profession.findMany({ select: { code: true } })).map((profession) => profession.code);

  const empty = async () => {
    await db.$executeRawUnsafe(`DELETE FROM "IndicatorSnapshot" WHERE "establishmentId" = $1::uuid`, establishment.id);
    await db.$executeRawUnsafe(`DELETE FROM "Professional" WHERE "establishmentId" = $1::uuid`, establishment.id);
  };
  let written: TemplateImportRow[] = [];
  const candidate = await measure(
    "app import (parse + check + unnest, one transaction)",
    runs,
    async () => {
      const reading = await parseRosterFile(file, { professionCodes });
      written = reading.rows as TemplateImportRow[];
      await db.$transaction(
        async (tx) => {
          await applyRosterRows(tx, establishment.id, reading.rows);
          await recordIndicatorSnapshot(tx, establishment.id, "CHANGE");
        },
        { timeout: 600_000 },
      );
    },
    empty,
  );

  const lines = copyLines(establishment.id, written);
  const copy = { professionals: chunks(lines.professionals), enrollments: chunks(lines.enrollments) };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const baseline = await measure(
      "COPY FROM STDIN (same rows)",
      runs,
      async () => {
        await pipeline(
          Readable.from(copy.professionals),
          client.query(
            copyFrom(
              `COPY "Professional" ("id", "establishmentId", "lastName", "firstName", "birthDate", "population", "professionCode", "category", "rpps", "rppsStatus", "rppsCheckedAt", "identityVerification", "activityStart", "activityEnd", "needsDmp", "needsDpi", "needsPscServices", "needsSecureMessaging", "updatedAt") FROM STDIN`,
            ),
          ),
        );
        await pipeline(
          Readable.from(copy.enrollments),
          client.query(
            copyFrom(`COPY "MieEnrollment" ("id", "professionalId", "type", "enrolledAt", "expiresAt", "revokedAt") FROM STDIN`),
          ),
        );
      },
      empty,
    );
    return {
      scenario: `import ${written.length.toLocaleString("en-US")} roster lines (${(file.bytes.byteLength / 1e6).toFixed(1)} MB CSV)`,
      candidate,
      baseline,
      target: 3,
    };
  } finally {
    await client.end();
  }
}
