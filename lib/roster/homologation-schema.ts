/**
 * What a homologation of a local MIE type says, shared by the roster page's form and the server
 * (`lib/roster/homologations.ts`): a database-free module, so that the browser can check it too.
 */
import { z } from "zod";
import type { MieType } from "@/lib/db/generated/enums";
import { MIE_CATALOGUE, isHomologable } from "@/lib/mie/catalogue";
import { formatNumericCalendarDate } from "@/lib/time/paris";
import { parseIsoDay } from "./dates";

/** The local two-factor types accepted beyond the transition (`isHomologable`): the only ones an establishment homologates. */
export const HOMOLOGABLE_TYPES = Object.values(MIE_CATALOGUE)
  .filter(isHomologable)
  .map((mie) => mie.type) as [MieType, ...MieType[]];

export const HOMOLOGATION_REFERENCE_MAX = 200;

export const ZHomologationInput = z.object({
  type: z.enum(HOMOLOGABLE_TYPES, { error: "Choisissez un MIE local qui peut être homologué." }),
  decidedAt: z
    .string()
    .trim()
    .refine((text) => parseIsoDay(text) !== null, { error: "Indiquez la date de la décision d'homologation." }),
  reference: z
    .string()
    .trim()
    .max(HOMOLOGATION_REFERENCE_MAX, { error: `La référence ne doit pas dépasser ${HOMOLOGATION_REFERENCE_MAX} caractères.` }),
});
export type THomologationInput = z.infer<typeof ZHomologationInput>;

/**
 * « homologuée le 07/12/2026 », agreeing with the MIE's name; a decision dated after `today` (both
 * `YYYY-MM-DD`) is announced, not said to be made: the MIE counts only from that day.
 */
export function homologationStatus(type: MieType, decidedAt: string, today: string): string {
  const day = formatNumericCalendarDate(decidedAt);
  if (decidedAt > today) return `homologation prévue le ${day}`;
  return `${MIE_CATALOGUE[type].gender === "f" ? "homologuée" : "homologué"} le ${day}`;
}
