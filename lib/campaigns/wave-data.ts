import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parisDateTime } from "@/lib/time/paris";
import { parseEnvelope } from "./envelope";
import type { TWaveGridInput, TWaveSettingsInput } from "./schemas";

type CategoryReader = Pick<Db, "establishmentCategory">;

/** The form's settings as the database stores them: instants from Paris wall-clock times, cents. */
export function waveSettingsData(input: TWaveSettingsInput) {
  const envelope = parseEnvelope(input.fundingEnvelope);
  // The schema already checked it: reaching here with a bad amount is a caller's bug.
  if (!envelope.ok) throw new Error(`Unchecked envelope: ${input.fundingEnvelope}`);
  return {
    kind: input.kind,
    title: input.title,
    year: input.year,
    opensAt: parisDateTime(input.opensAt),
    closesAt: parisDateTime(input.closesAt),
    fundingEnvelopeCents: envelope.cents,
  };
}

/** Objectives and criteria rows of a version, in the form's order (links: `writeCriterionLinks`). */
export function gridRows(input: TWaveGridInput) {
  return {
    objectives: input.objectives.map((objective, position) => ({ ...objective, position })),
    criteria: input.criteria.map(({ objectiveCodes: _links, ...criterion }, position) => ({ ...criterion, position })),
  };
}

/** Category codes come from checkboxes, but a request can send anything: unknown codes are refused. */
export async function assertKnownCategories(client: CategoryReader, codes: readonly string[]): Promise<void> {
  const known = await client.establishmentCategory.findMany({ where: { code: { in: [...codes] } }, select: { code: true } });
  if (known.length !== new Set(codes).size) {
    const message = "Une des catégories cochées n'existe pas : rechargez la page.";
    throw new AppError("INVALID_INPUT", message, { fieldErrors: { eligibleCategoryCodes: [message] } });
  }
}

export const DUPLICATE_WAVE_MESSAGE = "Cette campagne a déjà une vague de ce type pour cette année.";

export const STALE_WAVE_MESSAGE =
  "La vague a été modifiée entre-temps par une autre personne : rechargez la page pour voir ses changements, puis recommencez.";
