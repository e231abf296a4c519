import { type BreadcrumbSegment, crumb } from "@/components/dsfr/breadcrumb";
import { canAccessEstablishment } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";

/**
 * The establishment's page as the first step of a dossier's breadcrumb, for those who may open it
 * (its members, programme managers); a reviewer reads the dossier, not the establishment's page.
 */
export function establishmentSegments(viewer: Viewer, establishment: { id: string; name: string }): BreadcrumbSegment[] {
  return canAccessEstablishment(viewer, establishment.id, "read") ? [crumb(establishment.name, `/etablissements/${establishment.id}`)] : [];
}
