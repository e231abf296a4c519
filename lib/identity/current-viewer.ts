import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import type { Viewer } from "@/lib/access/viewer";
import { authSecret } from "@/lib/config/env";
import { SESSION_COOKIE } from "./auth-options";
import { DecodedCookies } from "./decoded-cookies";
import { resumeSessionUser } from "./sessions";

// One memory per process, even if Next.js loads this module in several bundles.
const holder = globalThis as unknown as { hospiconnectDecodedCookies?: DecodedCookies };
/** About 4 MB at most: a session cookie is a few hundred bytes. */
const decodedCookies = (holder.hospiconnectDecodedCookies ??= new DecodedCookies(10_000));

/**
 * The server-side session the request's cookie names, or null: the JWT decrypted with the app's
 * secret and its expiry checked, exactly as next-auth's `getServerSession` reads it. That call
 * also made a CSRF token and re-encrypted the JWT into a new cookie on every request, which a page
 * or a route handler drops anyway (it cannot set cookies there): 1.55 ms of CPU against 0.135 ms
 * for the decryption alone (ADR 0022). Nothing changes for the session: the cookie is re-issued only by
 * next-auth's own routes, as before, and idle timeout, absolute lifetime and sign-out are the
 * server-side record's (`resumeSessionUser`). The token holds a few ids, far below the size at
 * which next-auth splits a cookie into chunks. A cookie already decrypted is recalled rather than
 * decrypted again (decoded-cookies.ts, ADR 0024).
 */
async function sessionIdOfRequest(): Promise<string | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const recalled = decodedCookies.recall(token, Date.now());
  if (recalled) return recalled;
  const payload = await decode({ token, secret: authSecret() }).catch(() => null);
  if (typeof payload?.sid !== "string") return null;
  if (typeof payload.exp === "number") decodedCookies.remember(token, payload.sid, payload.exp);
  return payload.sid;
}

/**
 * The signed-in person of the current request, or null: the session cookie must name a live
 * server-side session of an enabled account. Read once per request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const sid = await sessionIdOfRequest();
  if (!sid) return null;
  const user = await resumeSessionUser(sid);
  if (!user || user.disabledAt) return null;
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    staffRole: user.staffRole,
    memberships: user.memberships,
    sessionId: sid,
    regionCodes: user.staffRole === "REGIONAL_REVIEWER" ? user.reviewerRegions.map((region) => region.regionCode) : [],
  };
});

/** For pages: the viewer, or a redirection to the sign-in page that comes back here. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  return viewer;
}
