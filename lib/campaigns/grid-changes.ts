import type { GridContent } from "./grid-versioning";

/** A field's value as the audit log stores it (JSON). */
type FieldValue = string | number | boolean | string[];
type Change = { from: FieldValue; to: FieldValue };
type ItemChanges = Record<string, Record<string, Change>>;

/** What a change of a wave's grid did, by code: the audit log's before and after. */
export type GridChanges = {
  objectivesAdded: string[];
  objectivesRemoved: string[];
  objectivesChanged: ItemChanges;
  criteriaAdded: string[];
  criteriaRemoved: string[];
  criteriaChanged: ItemChanges;
};

const OBJECTIVE_FIELDS = ["title", "description", "required"] as const;
const CRITERION_FIELDS = ["label", "description", "weight", "scaleMin", "scaleMax", "required", "objectiveCodes"] as const;

function compare<T extends { code: string }>(
  before: readonly T[],
  after: readonly T[],
  fields: readonly (keyof T & string)[],
  read: (item: T, field: keyof T & string) => FieldValue,
) {
  const previous = new Map(before.map((item) => [item.code, item]));
  const codes = new Set(after.map((item) => item.code));
  const changed: ItemChanges = {};
  for (const item of after) {
    const old = previous.get(item.code);
    if (!old) continue;
    const fieldChanges: Record<string, Change> = {};
    for (const field of fields) {
      const [from, to] = [read(old, field), read(item, field)];
      if (JSON.stringify(from) !== JSON.stringify(to)) fieldChanges[field] = { from, to };
    }
    if (Object.keys(fieldChanges).length > 0) changed[item.code] = fieldChanges;
  }
  return {
    added: after.filter((item) => !previous.has(item.code)).map((item) => item.code),
    removed: before.filter((item) => !codes.has(item.code)).map((item) => item.code),
    changed,
  };
}

/**
 * Objectives and criteria added, removed and changed (field by field, before and after), matched by
 * code. An edit in place overwrites the version: these details are then all that is left of what
 * it held before.
 */
export function gridChanges(before: GridContent, after: GridContent): Partial<GridChanges> {
  const objectives = compare(before.objectives, after.objectives, OBJECTIVE_FIELDS, (item, field) => item[field] as FieldValue);
  const criteria = compare(before.criteria, after.criteria, CRITERION_FIELDS, (item, field) =>
    field === "objectiveCodes" ? [...(item.objectiveCodes ?? [])].sort() : (item[field] as FieldValue),
  );
  const all: GridChanges = {
    objectivesAdded: objectives.added,
    objectivesRemoved: objectives.removed,
    objectivesChanged: objectives.changed,
    criteriaAdded: criteria.added,
    criteriaRemoved: criteria.removed,
    criteriaChanged: criteria.changed,
  };
  // Only what happened: an empty list would read « – » in the log.
  return Object.fromEntries(Object.entries(all).filter(([, value]) => Object.keys(value).length > 0));
}
