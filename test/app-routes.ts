import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * `METHOD /pattern` of every page.tsx and route.ts under app/, route groups removed: what the access
 * matrix (e2e/access-matrix.spec.ts) and the API's methods (lib/http/api-methods.ts) must cover.
 */
export function appRoutes(): string[] {
  const files = (readdirSync("app", { recursive: true, encoding: "utf8" }) as string[])
    .filter((file) => /(^|\/)(page\.tsx|route\.ts)$/.test(file))
    .map((file) => path.join("app", file));
  return files.flatMap((file) => {
    const pattern = `/${path
      .dirname(path.relative("app", file))
      .split(path.sep)
      .filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment))
      .join("/")}`;
    if (file.endsWith("page.tsx")) return [`GET ${pattern}`];
    const source = readFileSync(file, "utf8");
    const methods = [
      ...source.matchAll(/export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE)\b|handler as (GET|POST|PUT|PATCH|DELETE)\b/g),
    ].map((match) => match[1] ?? match[2]);
    return methods.map((method) => `${method} ${pattern}`);
  });
}
