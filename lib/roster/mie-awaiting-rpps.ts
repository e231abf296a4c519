/**
 * An e-CPS (or a FIDO2 key enrolled in PSC) recorded for a professional the roster does not show
 * as registered in RPPS. The verdicts do not count such an MIE (`enrollmentStanding`: NEEDS_RPPS);
 * the form and the import only warn, since a director may record the e-CPS before typing the number.
 * DB-free: the form checks it in the browser.
 *
 * Public API: `mieAwaitingRpps`, `mieAwaitingRppsWarning`, `linesWithMieAwaitingRppsWarning`.
 */
import type { MieType } from "@/lib/db/generated/enums";
import { MIE_CATALOGUE } from "@/lib/mie/catalogue";
import { formatInteger } from "@/lib/format/numbers";
import type { ProfessionalFacts } from "./model";
import { isRegistered } from "./verdicts";

/** The types held that need an RPPS number the professional does not have, once each, in catalogue order. */
export function mieAwaitingRpps(
  professional: Pick<ProfessionalFacts, "rpps" | "rppsStatus"> & { enrollments: readonly { type: MieType }[] },
): MieType[] {
  if (isRegistered(professional)) return [];
  const held = new Set(professional.enrollments.map((enrollment) => enrollment.type));
  return Object.values(MIE_CATALOGUE)
    .filter((mie) => mie.needsRpps && held.has(mie.type))
    .map((mie) => mie.type);
}

const labels = (types: readonly MieType[]) => types.map((type) => MIE_CATALOGUE[type].shortLabel).join(" et ");

/** The form's warning, or null. */
export function mieAwaitingRppsWarning(types: readonly MieType[]): string | null {
  if (types.length === 0) return null;
  return `${labels(types)} sans enregistrement au RPPS : ${types.length > 1 ? "ces moyens sont délivrés" : "ce moyen est délivré"} avec le numéro RPPS et ne ${types.length > 1 ? "comptent" : "compte"} pas sans lui. Renseignez le numéro RPPS du professionnel et le statut « Enregistré ».`;
}

/** How many lines an import's warning names before « … ». */
const LINES_NAMED = 10;

/** The import preview's warning over its lines, or null. */
export function linesWithMieAwaitingRppsWarning(lines: readonly number[]): string | null {
  if (lines.length === 0) return null;
  const named = lines.slice(0, LINES_NAMED).join(", ") + (lines.length > LINES_NAMED ? "…" : "");
  const which = lines.length === 1 ? `La ligne ${named} déclare` : `${formatInteger(lines.length)} lignes déclarent (${named})`;
  return `${which} une e-CPS ou une clé FIDO2 enrôlée dans Pro Santé Connect sans enregistrement au RPPS : ces moyens sont délivrés avec le numéro RPPS et ne compteront pas sans lui. Renseignez le numéro RPPS et le statut « Enregistré », ou importez ces lignes puis complétez les fiches.`;
}
