/**
 * Three-way merge of a form section, for two members saving the same section at once: the changes
 * each made since the version both started from are combined when they touch different fields.
 * Objects are merged field by field; a list is one value (reordering or removing rows cannot be
 * merged safely), so two people editing the same list always get the choice.
 */
type Values = Record<string, unknown>;

function isObject(value: unknown): value is Values {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export type MergeResult = { merged: Values; overlaps: string[] };

export function mergeSection(base: Values, mine: Values, theirs: Values, prefix = ""): MergeResult {
  const merged: Values = { ...theirs };
  const overlaps: string[] = [];
  for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base)])) {
    const path = prefix ? `${prefix}.${key}` : key;
    const [b, m, t] = [base[key], mine[key], theirs[key]];
    if (same(m, b)) continue; // only they changed it (or nobody): theirs stands
    if (same(t, b) || same(m, t)) {
      merged[key] = m; // only I changed it, or we made the same change
      continue;
    }
    if (isObject(b) && isObject(m) && isObject(t)) {
      const inner = mergeSection(b, m, t, path);
      merged[key] = inner.merged;
      overlaps.push(...inner.overlaps);
      continue;
    }
    merged[key] = t;
    overlaps.push(path);
  }
  return { merged, overlaps };
}

/** `target` with the values of `source` at the given dotted paths (for "keep my version"). */
export function withValuesAt(target: Values, source: Values, paths: readonly string[]): Values {
  const result: Values = structuredClone(target);
  for (const path of paths) {
    const keys = path.split(".");
    let into: Values = result;
    let from: unknown = source;
    keys.forEach((key, index) => {
      from = isObject(from) ? from[key] : undefined;
      if (index === keys.length - 1) into[key] = structuredClone(from);
      else into = (isObject(into[key]) ? into[key] : (into[key] = {})) as Values;
    });
  }
  return result;
}
