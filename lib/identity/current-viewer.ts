import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import type { Viewer } from "@/lib/access/viewer";
import { authOptions } from "./auth-options";
import { resumeSessionUser } from "./sessions";

/**
 * The signed-in person of the current request, or null: the session cookie must name a live
 * server-side session of an enabled account. Read once per request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.sid) return null;
  const user = await resumeSessionUser(session.sid);
  if (!user || user.disabledAt) return null;
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    staffRole: user.staffRole,
    memberships: user.memberships,
    sessionId: session.sid,
    regionCodes: user.staffRole === "REGIONAL_REVIEWER" ? user.reviewerRegions.map((region) => region.regionCode) : [],
  };
});

/** For pages: the viewer, or a redirection to the sign-in page that comes back here. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  return viewer;
}
