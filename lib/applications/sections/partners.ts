import { z } from "zod";
import { PartnerRole } from "@/lib/db/generated/enums";
import { INVALID_VALUE, TEXT_LIMITS, zDraftText, zList, zOptionalSiret } from "./fields";

/**
 * Section « Partenaires technologiques », in the order the applicant lists them (stored as
 * `position`). A row needs its role (the column cannot be empty); its name may wait for the
 * completeness check, so a half-typed row can still be saved.
 */
export const MAX_PARTNERS = 30;

export const ZPartnerInput = z.object(
  {
    name: zDraftText("Le nom du partenaire", TEXT_LIMITS.name),
    siret: zOptionalSiret,
    role: z.enum(PartnerRole, { error: "Choisissez le rôle du partenaire." }),
    solution: zDraftText("Le nom de la solution", TEXT_LIMITS.name),
  },
  { error: INVALID_VALUE },
);

export const ZPartnersSectionInput = z.object(
  { partners: zList(ZPartnerInput, MAX_PARTNERS, `Un dossier compte au plus ${MAX_PARTNERS} partenaires.`) },
  { error: INVALID_VALUE },
);

export type TPartnerInput = z.output<typeof ZPartnerInput>;
export type TPartnersSectionInput = z.output<typeof ZPartnersSectionInput>;
export type TPartnersSectionFormValues = z.input<typeof ZPartnersSectionInput>;
