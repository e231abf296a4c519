import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "@/lib/db/client";
import type { DemoProfessional } from "@/prisma/seed/demo/roster";
import { measure, type ScenarioResult } from "../harness";

const COLUMNS = [
  "id",
  "establishmentId",
  "lastName",
  "firstName",
  "birthDate",
  "population",
  "professionCode",
  "category",
  "rpps",
  "rppsStatus",
  "rppsCheckedAt",
  "identityVerification",
  "activityStart",
  "activityEnd",
  "needsDmp",
  "needsDpi",
  "needsPscServices",
  "needsSecureMessaging",
  "updatedAt",
] as const;

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (value instanceof Date) return value.toISOString();
  return String(value).replace(
    /[\\\t\n\r]/g,
    (character) => `\\${({ "\\": "\\", "\t": "t", "\n": "n", "\r": "r" } as Record<string, string>)[character]}`,
  );
}

function copyLines(professionals: DemoProfessional[]): string[] {
  const now = new Date();
  return professionals.map(
    (professional) => `${COLUMNS.map((column) => copyValue(column === "updatedAt" ? now : professional[column])).join("\t")}\n`,
  );
}

/** Inserting N professionals through Prisma (what the app does) against PostgreSQL's COPY of the same rows. */
export async function insertProfessionals(db: Db, url: string, professionals: DemoProfessional[], runs: number): Promise<ScenarioResult> {
  const empty = async () => {
    await db.$executeRawUnsafe(`TRUNCATE "Professional" CASCADE`);
  };
  const candidate = await measure(
    "Prisma createMany (app)",
    runs,
    async () => {
      for (let start = 0; start < professionals.length; start += 1000) {
        await db.professional.createMany({ data: professionals.slice(start, start + 1000) });
      }
    },
    empty,
  );

  const lines = copyLines(professionals);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const baseline = await measure(
      "COPY FROM STDIN",
      runs,
      async () => {
        const columns = COLUMNS.map((column) => `"${column}"`).join(", ");
        await pipeline(Readable.from(lines), client.query(copyFrom(`COPY "Professional" (${columns}) FROM STDIN`)));
      },
      empty,
    );
    return { scenario: `insert ${professionals.length.toLocaleString("en-US")} professionals`, candidate, baseline };
  } finally {
    await client.end();
  }
}
