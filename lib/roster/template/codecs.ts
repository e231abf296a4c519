/**
 * The template's enumerated columns: written with their French label, read from the label, the
 * code or a usual spelling. Shared by the import and the export so that both agree.
 *
 * Public API: `POPULATION`, `CATEGORY`, `RPPS_STATUS`, `IDENTITY`.
 */
import { CATEGORY_LABELS, IDENTITY_LABELS, POPULATION_LABELS, RPPS_STATUS_LABELS } from "../labels";
import { enumCodec } from "./values";

export const POPULATION = enumCodec(POPULATION_LABELS, {
  SALARIED: ["Salariée", "Salarié(e)", "Salariés"],
  SELF_EMPLOYED: ["Libéral", "Libérale", "Libéral(e)", "Indépendant", "Indépendante"],
  INTERN: ["Internes"],
  TEMPORARY: ["Intérim", "Intérimaires"],
  TRAINEE: ["Stagiaires"],
});

export const CATEGORY = enumCodec(CATEGORY_LABELS, { CIVIL: ["C"], STUDENT: ["E", "Étudiante"], PUBLIC_AGENT: ["M"] });

export const RPPS_STATUS = enumCodec(RPPS_STATUS_LABELS, {
  REGISTERED: ["Enregistrée", "Inscrit", "Inscrite"],
  REQUESTED: ["Demandé", "Demande en cours", "En cours"],
  NOT_REGISTERED: ["Non enregistrée", "Non inscrit", "Non inscrite"],
});

export const IDENTITY = enumCodec(IDENTITY_LABELS, {
  NONE: ["Non vérifiée", "Aucun"],
  REMOTE_ID_SCAN: ["Scan à distance", "Scan de pièce d'identité"],
  PVID_SUBSTANTIAL: ["PVID", "Vidéo à distance"],
  FRANCECONNECT_PLUS: ["FC+", "France Connect+"],
  FACE_TO_FACE: ["Face à face", "En face à face", "Présentiel"],
  CNIE_CHIP: ["CNIe", "Puce CNIe"],
});
