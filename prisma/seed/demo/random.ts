import { fakerFR } from "@faker-js/faker";

/** One seeded generator for the whole demo, so every load gives the same data. */
export const faker = fakerFR;

const claimedValues = new Map<"email" | "rpps", Set<string>>();

/**
 * Puts the generator back at its start, and forgets the values given: a second load in the same
 * process (a test file after another, a reset) gives the same data as the first.
 */
export function restartDemoRandom(): void {
  faker.seed(20240101);
  claimedValues.clear();
}
restartDemoRandom();

/** The values of a kind given since the start (e-mail addresses, RPPS numbers), each given once. */
export function claimed(kind: "email" | "rpps"): Set<string> {
  const values = claimedValues.get(kind) ?? new Set<string>();
  claimedValues.set(kind, values);
  return values;
}

export function pick<T>(weighted: ReadonlyArray<readonly [T, number]>): T {
  return faker.helpers.weightedArrayElement(weighted.filter(([, weight]) => weight > 0).map(([value, weight]) => ({ value, weight })));
}

export function chance(probability: number): boolean {
  return faker.number.float({ min: 0, max: 1 }) < probability;
}

export function digits(count: number): string {
  return faker.string.numeric({ length: count, allowLeadingZeros: true });
}

export function dateBetween(from: string, to: string): Date {
  const date = faker.date.between({ from, to });
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
