import type { StaffRole } from "@/lib/db/generated/enums";

/** An ANS account's role in words, for pages, e-mails, the audit log and the forms that change it. */
export const STAFF_ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  REVIEWER: "instructeur ou instructrice de l'ANS",
  PROGRAMME_MANAGER: "chargé ou chargée de programme",
  REGIONAL_REVIEWER: "instructeur ou instructrice d'une ARS",
};

/** A person as the other side of a dossier reads them: « Claire Dumont (ANS) », « Hélène Marchand (ARS) », a member by name alone. */
export function nameWithSide(displayName: string, staffRole: StaffRole | null): string {
  if (!staffRole) return displayName;
  return `${displayName} (${staffRole === "REGIONAL_REVIEWER" ? "ARS" : "ANS"})`;
}
