import { performance } from "node:perf_hooks";

export type Measurement = { label: string; medianMs: number; runsMs: number[] };

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
  return { label, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, runsMs };
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
