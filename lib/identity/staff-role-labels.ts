import type { StaffRole } from "@/lib/db/generated/enums";

/** An ANS account's role in words, for pages, e-mails, the audit log and the forms that change it. */
export const STAFF_ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  REVIEWER: "instructeur ou instructrice de l'ANS",
  PROGRAMME_MANAGER: "chargé ou chargée de programme",
  REGIONAL_REVIEWER: "instructeur ou instructrice d'une ARS",
};
