import { cache } from "react";
import { authorizeEstablishment } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { ESTABLISHMENT_CONTEXT_SELECT } from "@/lib/roster/establishment-context";
import { ESTABLISHMENT_PROFILE_SELECT } from "./queries";

/**
 * What the establishment's page reads of the establishment itself, in one query: the profile's
 * lines, the category (the waves' eligibility), the team's size and its contacts' count (its first
 * steps), and the context the roster's rules read (the compliance section). Read once per page
 * render (React's `cache`: the profile, the waves and the compliance section share it); tests and
 * scripts read it each time.
 */
const readOverview = cache((establishmentId: string) =>
  db.establishment.findUnique({
    where: { id: establishmentId },
    select: {
      ...ESTABLISHMENT_PROFILE_SELECT,
      category: { select: { code: true, label: true } },
      _count: { select: { memberships: true, contacts: true } },
      ...ESTABLISHMENT_CONTEXT_SELECT,
    },
  }),
);

/** The establishment as its page shows it, for a member or a programme manager. */
export async function getEstablishmentOverview(viewer: Viewer, establishmentId: string) {
  authorizeEstablishment(viewer, establishmentId, "read");
  const establishment = await readOverview(establishmentId);
  if (!establishment) throw new AppError("NOT_FOUND");
  return establishment;
}
