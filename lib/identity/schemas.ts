import { z } from "zod";

/** Forms and requests of the identity pages, shared by the browser and the route handlers. */
export const KEY_NAME_INVISIBLE = "Le nom contient un caractère invisible ou de mise en forme : retapez-le sans copier-coller.";

/**
 * Control and format characters (bidi overrides U+202A–U+202E and isolates U+2066–U+2069, zero-width
 * spaces, byte order mark…): invisible, they make a name read otherwise than it is, on « Mon compte »
 * and in the journal.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

/** A key's name: trimmed, its spacing made single spaces (as a display name's), nothing invisible. */
export const ZKeyName = z
  .string()
  .trim()
  .min(1, { error: "Donnez un nom à cette clé." })
  .max(80, { error: "80 caractères au plus." })
  .transform((name) => name.replace(/\s+/g, " ").normalize("NFC"))
  .refine((name) => !INVISIBLE.test(name), { error: KEY_NAME_INVISIBLE });

/** A key registered through a link (an invitation, an access recovery) names it; otherwise it is the viewer's. */
const ZLinkTokens = { invitationToken: z.string().min(20).optional(), recoveryToken: z.string().min(20).optional() };
const ONE_LINK = { error: "Une seule invitation ou un seul lien de rétablissement à la fois." } as const;
const oneLinkAtMost = (input: { invitationToken?: string; recoveryToken?: string }) => !(input.invitationToken && input.recoveryToken);

export const ZRegistrationOptionsInput = z.object(ZLinkTokens).refine(oneLinkAtMost, ONE_LINK);

export const DISPLAY_NAME_MISSING = "Indiquez vos prénom et nom : ils apparaîtront aux autres utilisateurs.";

export const DISPLAY_NAME_TOO_SHORT = "Saisissez vos prénom et nom, pas seulement une initiale.";

export const DISPLAY_NAME_NOT_A_NAME =
  "Saisissez seulement vos prénom et nom : des lettres, des espaces, des apostrophes, des traits d'union et le point d'une initiale (« J.-P. Martin »), sans chiffres ni adresse.";

/**
 * A person's name: letters (accents included), spaces, apostrophes, hyphens, and a dot only after
 * an initial (never before a letter, so no « exemple.fr »). A display name opens the invitations
 * its owner sends: digits, « : », « / » or « @ » would let it carry a phone number or a link.
 * Checked on input only: accounts created through Pro Santé Connect are named by their address.
 */
const PERSON_NAME = /^\p{L}[\p{L}\p{M}]*(?:(?:[ '’-]|\.[ -])\p{L}[\p{L}\p{M}]*)*\.?$/u;

/** A display name as typed: trimmed, at most 120 characters, empty allowed (each form says whether it may be). */
const ZDisplayName = z
  .string()
  .trim()
  .max(120, { error: "120 caractères au plus." })
  // Spaces typed twice, or a non-breaking one pasted, are one space.
  .transform((name) => name.replace(/\s+/g, " ").normalize("NFC"))
  .refine((name) => name === "" || PERSON_NAME.test(name), { error: DISPLAY_NAME_NOT_A_NAME })
  // « A » or « J. » is a name by the rule above, but names no one (refused once, only when a name).
  .refine((name) => !PERSON_NAME.test(name) || (name.match(/\p{L}/gu)?.length ?? 0) >= 2, { error: DISPLAY_NAME_TOO_SHORT });

export const ZRegistrationInput = z
  .object({
    ...ZLinkTokens,
    challengeId: z.uuid(),
    response: z.looseObject({ id: z.string(), type: z.literal("public-key") }),
    keyName: ZKeyName,
    displayName: ZDisplayName.optional(),
  })
  // A new account (through an invitation) is named by its owner: colleagues would otherwise read its address.
  .refine((input) => !input.invitationToken || Boolean(input.displayName), { path: ["displayName"], error: DISPLAY_NAME_MISSING })
  .refine(oneLinkAtMost, ONE_LINK);

/** The name an account shows to the other users, as its owner writes it. */
export const ZAccountNameInput = z.object({
  displayName: ZDisplayName.refine(Boolean, { error: DISPLAY_NAME_MISSING }),
});

export const ZRenameCredentialInput = z.object({ name: ZKeyName });

/** An address to invite: what the person typed, checked, lower-cased (addresses are compared so). */
export const ZEmailAddress = z
  .email({ error: "Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr." })
  .trim()
  .toLowerCase();

export const ZInvitationInput = z.discriminatedUnion("purpose", [
  z.object({
    purpose: z.literal("STAFF"),
    email: ZEmailAddress,
    staffRole: z.enum(["REVIEWER", "REGIONAL_REVIEWER", "PROGRAMME_MANAGER"], { error: "Choisissez un rôle." }),
  }),
  z.object({
    purpose: z.literal("MEMBER"),
    email: ZEmailAddress,
    establishmentId: z.uuid(),
    membershipRole: z.enum(["DIRECTOR", "EDITOR"]).default("EDITOR"),
  }),
]);
export type TInvitationInput = z.infer<typeof ZInvitationInput>;

export const ZUserUpdateInput = z.object({
  staffRole: z.enum(["REVIEWER", "PROGRAMME_MANAGER"]).optional(),
  disabled: z.boolean().optional(),
});
