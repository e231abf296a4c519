import { performance } from "node:perf_hooks";

export type Measurement = { label: string; medianMs: number; p95Ms: number; runsMs: number[] };

/** The value below which `fraction` of the sorted values fall (nearest rank). */
function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? 0;
}

/**
 * Runs `prepare` then times `work`, `runs` times, and keeps the median: the candidate and its
 * baseline are measured the same way in the same process, so their ratio is what matters.
 */
export async function measure(
  label: string,
  runs: number,
  work: () => Promise<unknown>,
  prepare: () => Promise<unknown> = async () => {},
): Promise<Measurement> {
  const runsMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    await prepare();
    const started = performance.now();
    await work();
    runsMs.push(performance.now() - started);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { label, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, p95Ms: percentile(sorted, 0.95), runsMs };
}

export type ScenarioResult = { scenario: string; candidate: Measurement; baseline: Measurement; target?: number };

const ms = (value: number) => `${Math.round(value).toLocaleString("en-US")} ms`;

/** One line per scenario: both absolute medians and the ratio candidate / baseline. */
export function printResults(results: ScenarioResult[]): void {
  const rows = results.map((result) => {
    const ratio = result.candidate.medianMs / result.baseline.medianMs;
    return [
      result.scenario,
      `${result.candidate.label}: ${ms(result.candidate.medianMs)}`,
      `${result.baseline.label}: ${ms(result.baseline.medianMs)}`,
      `${ratio.toFixed(2)}×${result.target ? (ratio <= result.target ? ` (target ≤ ${result.target}×: met)` : ` (target ≤ ${result.target}×: MISSED)`) : ""}`,
    ];
  });
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length), 8));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
}

/**
 * For answers a user waits for: the 95th percentile of each side, their ratio against `ratio`, and
 * the candidate's against an absolute ceiling (`ceilingMs`).
 */
export function printPercentileResults(results: ReadonlyArray<ScenarioResult & { ceilingMs: number }>): void {
  const rows = results.map((result) => {
    const ratio = result.candidate.p95Ms / result.baseline.p95Ms;
    const within = result.candidate.p95Ms < result.ceilingMs;
    return [
      result.scenario,
      `${result.candidate.label}: p95 ${ms(result.candidate.p95Ms)} (median ${ms(result.candidate.medianMs)})`,
      `${result.baseline.label}: p95 ${ms(result.baseline.p95Ms)}`,
      `${ratio.toFixed(2)}×${result.target ? (ratio <= result.target ? ` (≤ ${result.target}×: met)` : ` (≤ ${result.target}×: MISSED)`) : ""}`,
      within ? `< ${ms(result.ceilingMs)}: met` : `< ${ms(result.ceilingMs)}: MISSED`,
    ];
  });
  const widths = [0, 1, 2, 3, 4].map((column) => Math.max(...rows.map((row) => row[column]!.length), 8));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
}
