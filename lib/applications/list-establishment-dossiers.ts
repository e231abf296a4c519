import { authorizeEstablishment } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { applicationsVisibleTo } from "@/lib/access/visibility";
import { db } from "@/lib/db/client";

/** The establishment's dossiers, one per wave, newest wave first. */
export function listEstablishmentDossiers(viewer: Viewer, establishmentId: string) {
  authorizeEstablishment(viewer, establishmentId, "read");
  return db.application.findMany({
    where: { AND: [applicationsVisibleTo(viewer), { establishmentId }] },
    orderBy: { wave: { opensAt: "desc" } },
    select: { id: true, state: true, projectTitle: true, updatedAt: true, wave: { select: { title: true } } },
  });
}
