import { IDENTITY_VERIFICATION_CATALOGUE, MIE_CATALOGUE, EIDAS_LEVEL_LABELS } from "@/lib/mie/catalogue";
import { CATEGORY_LABELS, POPULATION_LABELS, RPPS_STATUS_LABELS } from "./labels";
import { listProfessions } from "./professions";

const options = (labels: Readonly<Record<string, string>>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The choices of the professional form, from the nomenclature and the MIE catalogue. */
export async function professionalFormOptions() {
  const professions = await listProfessions();
  return {
    professions: professions.map((profession) => ({ value: profession.code, label: profession.label })),
    populations: options(POPULATION_LABELS),
    categories: options(CATEGORY_LABELS),
    rppsStatuses: options(RPPS_STATUS_LABELS),
    identityVerifications: Object.entries(IDENTITY_VERIFICATION_CATALOGUE).map(([value, definition]) => ({
      value,
      label: definition.eidasLevel ? `${definition.label} (niveau ${EIDAS_LEVEL_LABELS[definition.eidasLevel]})` : definition.label,
    })),
    mieTypes: Object.values(MIE_CATALOGUE).map((mie) => ({ value: mie.type, label: mie.label })),
  };
}
