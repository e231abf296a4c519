import type { Route } from "next";

/** Where to go after signing in: only a path of this site (no open redirect to another one). */
export function safeReturnPath(candidate: string | undefined | null): Route {
  if (!candidate) return "/";
  try {
    const url = new URL(candidate, "http://local.invalid");
    if (url.origin !== "http://local.invalid") return "/";
    // "/.//evil.example" is of this site, but its normalised path would be read as another host's.
    if (/^\/[/\\]/.test(url.pathname)) return "/";
    return `${url.pathname}${url.search}${url.hash}` as Route;
  } catch {
    return "/";
  }
}
