import { type BreadcrumbSegment, crumb } from "@/components/dsfr/breadcrumb";

/** The breadcrumb above a page of a wave: the campaigns, then the wave. */
export function waveSegments(waveId: string, waveTitle: string): BreadcrumbSegment[] {
  return [crumb("Campagnes et vagues", "/pilotage/campagnes"), crumb(waveTitle, `/pilotage/vagues/${waveId}`)];
}
