import type { Route } from "next";

/** Where to go after signing in: only a path of this site (no open redirect to another one). */
export function safeReturnPath(candidate: string | undefined | null): Route {
  if (!candidate) return "/";
  try {
    const url = new URL(candidate, "http://local.invalid");
    if (url.origin !== "http://local.invalid") return "/";
    return `${url.pathname}${url.search}${url.hash}` as Route;
  } catch {
    return "/";
  }
}
