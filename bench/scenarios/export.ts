import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { dossierExportTable } from "@/lib/applications/export-dossiers";
import { ZDossierFilters } from "@/lib/applications/list-dossiers";
import type { Db } from "@/lib/db/client";
import { streamTable } from "@/lib/export/stream-table";
import { runDossierExport } from "@/lib/exports/run-export";
import { LocalFileStorage } from "@/lib/storage/local-file-storage";
import { createUser } from "@/test/factories";
import { generateWave } from "../national-dataset";
import { generateIndicatorDataset } from "./indicators";

/** Time and peak memory added (resident set, sampled every 5 ms) while `work` runs. */
async function watch(work: () => Promise<number>): Promise<{ ms: number; bytes: number; peakMb: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  try {
    const bytes = await work();
    return { ms: performance.now() - started, bytes, peakMb: (Math.max(peak, process.memoryUsage().rss) - before) / 1_048_576 };
  } finally {
    clearInterval(sampler);
  }
}

/** Reads a web stream to its end, keeping only its length (what a browser saving the file costs us). */
async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  const reader = stream.getReader();
  let bytes = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.byteLength;
  return bytes;
}

/**
 * The dossier export of `dossiers` dossiers (every column: sections, self-assessment, frozen
 * figures, review aggregates, decision), streamed (CSV, XLSX) and as the background job writes it
 * (XLSX to a temporary file, then to the file storage), beside PostgreSQL's own `COPY … TO STDOUT`
 * of the dossier list's columns: time and peak memory added (target: under 150 MB whatever the
 * number of dossiers).
 */
export async function dossierExport(db: Db, url: string, dossiers: number): Promise<void> {
  const started = Date.now();
  await generateIndicatorDataset(db, dossiers, dossiers);
  await generateWave(db, dossiers, new Date());
  console.log(
    `export data set: ${dossiers.toLocaleString("en-US")} dossiers, generated in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  const filters = ZDossierFilters.parse({});
  const results: Array<[string, { ms: number; bytes: number; peakMb: number }]> = [];
  for (const format of ["csv", "xlsx"] as const) {
    results.push([
      `app, ${format} (streamed)`,
      await watch(async () => {
        const table = await dossierExportTable(filters);
        return drain(streamTable(format, table.columns, table.pages, "Dossiers"));
      }),
    ]);
  }
  const manager = await createUser(db, { staffRole: "PROGRAMME_MANAGER" });
  const { id } = await db.exportJob.create({
    data: {
      requestedById: manager.id,
      filters,
      format: "XLSX",
      rowsTotal: dossiers,
      fileName: "bench.xlsx",
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  const storageDir = await mkdtemp(path.join(tmpdir(), "bench-exports-"));
  try {
    results.push([
      "app, xlsx (background job)",
      await watch(async () => {
        await runDossierExport(id, { storage: new LocalFileStorage(storageDir) });
        return (await db.exportJob.findUniqueOrThrow({ where: { id } })).byteSize ?? 0;
      }),
    ]);
  } finally {
    await rm(storageDir, { recursive: true, force: true });
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    results.push([
      "COPY … TO STDOUT (list columns)",
      await watch(async () => {
        let bytes = 0;
        await pipeline(
          client.query(
            copyTo(`COPY (SELECT e.name, e."finessEt", c.label, e."regionCode", w.title, a.state, a."projectTitle",
                                     (SELECT sum(b."amountCents") FROM "BudgetLine" b WHERE b."applicationId" = a.id),
                                     (SELECT max(s."receivedAt") FROM "Submission" s WHERE s."applicationId" = a.id), d.outcome, d."amountGrantedCents"
                              FROM "Application" a JOIN "Establishment" e ON e.id = a."establishmentId" JOIN "EstablishmentCategory" c ON c.code = e."categoryCode"
                              JOIN "Wave" w ON w.id = a."waveId" LEFT JOIN LATERAL (SELECT outcome, "amountGrantedCents" FROM "Decision" d WHERE d."applicationId" = a.id AND d."releasedAt" IS NOT NULL ORDER BY d."releasedAt" DESC LIMIT 1) d ON TRUE ORDER BY a."updatedAt" DESC, a.id) TO STDOUT WITH CSV`),
          ),
          new Writable({ write: (chunk: Buffer, _encoding, done) => ((bytes += chunk.byteLength), done()) }),
        );
        return bytes;
      }),
    ]);
  } finally {
    await client.end();
  }
  for (const [label, result] of results) {
    console.log(
      `export of ${dossiers.toLocaleString("en-US")} dossiers, ${label.padEnd(32)} ${Math.round(result.ms).toLocaleString("en-US").padStart(7)} ms  ` +
        `${(result.bytes / 1_048_576).toFixed(1).padStart(6)} MB written  peak memory added ${result.peakMb.toFixed(0).padStart(4)} MB` +
        (label.startsWith("app") ? (result.peakMb < 150 ? "  (target < 150 MB: met)" : "  (target < 150 MB: MISSED)") : ""),
    );
  }
}
