import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Viewer } from "@/lib/access/viewer";
import { exportDossiers } from "@/lib/applications/export-dossiers";
import { ZDossierFilters } from "@/lib/applications/list-dossiers";
import type { Db } from "@/lib/db/client";
import { generateWave } from "../national-dataset";
import { generateIndicatorDataset } from "./indicators";

const MANAGER: Viewer = {
  userId: "00000000-0000-7000-8000-000000000001",
  email: "bench@ans.test",
  displayName: "Bench",
  staffRole: "PROGRAMME_MANAGER",
  memberships: [],
  sessionId: "bench",
};

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
 * The dossier export of `dossiers` dossiers, streamed (CSV, XLSX), beside PostgreSQL's own
 * `COPY … TO STDOUT` of the same rows and columns: time and peak memory added (target: under
 * 150 MB whatever the number of dossiers).
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
      await watch(async () => drain((await exportDossiers(MANAGER, { ...filters, format, ip: null })).stream)),
    ]);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    results.push([
      "COPY … TO STDOUT (CSV)",
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
      `export of ${dossiers.toLocaleString("en-US")} dossiers, ${label.padEnd(24)} ${Math.round(result.ms).toLocaleString("en-US").padStart(7)} ms  ` +
        `${(result.bytes / 1_048_576).toFixed(1).padStart(6)} MB written  peak memory added ${result.peakMb.toFixed(0).padStart(4)} MB` +
        (label.startsWith("app") ? (result.peakMb < 150 ? "  (target < 150 MB: met)" : "  (target < 150 MB: MISSED)") : ""),
    );
  }
}
