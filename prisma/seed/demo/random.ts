import { fakerFR } from "@faker-js/faker";

/** One seeded generator for the whole demo, so every run loads the same data. */
export const faker = fakerFR;
faker.seed(20240101);

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
