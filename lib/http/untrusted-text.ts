/**
 * What every request's text goes through before its schema: PostgreSQL's text cannot hold the NUL
 * character (U+0000), so one pasted or sent in any field or filter would fail its query with a
 * 500. It never means anything in this app's data: it is removed, at the boundary, from every
 * string of a body, a query string or a form field.
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === "string") return value.replaceAll("\u0000", "") as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [withoutNul(key), withoutNul(child)])) as T;
  }
  return value;
}
