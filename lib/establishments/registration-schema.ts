import { z } from "zod";
import { ZEmailAddress } from "@/lib/identity/schemas";
import { ESTABLISHMENT_IDENTITY_FIELDS, refuseFinessOutsideDepartment, refuseSameFinessEtAndEj } from "./profile-schema";

/**
 * A programme manager registers a candidate establishment and invites its director, shared by the
 * browser and the server. The rest of the profile (contacts, GHT, AIR simplifié, federation) is the
 * director's to complete.
 */
export const ZEstablishmentRegistrationInput = z
  .object({ ...ESTABLISHMENT_IDENTITY_FIELDS, directorEmail: ZEmailAddress })
  .superRefine(refuseFinessOutsideDepartment)
  .superRefine(refuseSameFinessEtAndEj);

export type TEstablishmentRegistrationInput = z.output<typeof ZEstablishmentRegistrationInput>;
export type TEstablishmentRegistrationFormValues = z.input<typeof ZEstablishmentRegistrationInput>;
