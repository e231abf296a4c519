/**
 * How often a section's autosave writes to the audit log (ADR 0039). The form saves a section a few
 * seconds after each pause in typing: one entry per save would bury the log under hundreds of
 * lines per dossier. A save is one more entry unless the section's latest entry, by anyone, is the
 * same person's and less than ten minutes old; so the log still says who changed which section and
 * when, to ten minutes, and the order in which two members took turns on one section.
 */
export const SECTION_SAVE_AUDIT_WINDOW_MINUTES = 10;

/** The section's latest audit entry: when, and whose. */
export type SectionSaveEntry = { at: Date; actorId: string | null };

export function sectionSaveNeedsAuditEntry(latest: SectionSaveEntry | null, actorId: string, now: Date): boolean {
  if (!latest || latest.actorId !== actorId) return true;
  return now.getTime() - latest.at.getTime() >= SECTION_SAVE_AUDIT_WINDOW_MINUTES * 60_000;
}
