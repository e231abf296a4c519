import type { Sector, WaveKind } from "@/lib/db/generated/enums";

export const WAVE_KIND_LABELS: Readonly<Record<WaveKind, string>> = {
  PILOT: "Vague pilote",
  GENERALISATION: "Vague de généralisation",
};

export const SECTOR_LABELS: Readonly<Record<Sector, string>> = {
  HEALTH: "Établissements de santé (ES)",
  MEDICO_SOCIAL: "Établissements et services sociaux et médico-sociaux (ESMS)",
};
