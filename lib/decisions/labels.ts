import type { DecisionOutcome } from "@/lib/db/generated/enums";

export const OUTCOME_LABELS: Readonly<Record<DecisionOutcome, string>> = {
  SELECTED: "Retenu",
  REJECTED: "Non retenu",
  WAITLISTED: "Liste d'attente",
};
