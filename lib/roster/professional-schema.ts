/**
 * The professional form, shared by the browser (react-hook-form) and the server (route handler):
 * the same rules as a template line of an import, with messages in French on the field concerned.
 *
 * Public API: `ZProfessionalInput`, `TProfessionalFormValues`, `TProfessionalInput`,
 * `toProfessionalRecord`, `toFormValues`.
 */
import { z } from "zod";
import { checkRpps, isAdeliNumber, readRpps } from "@/lib/identifiers/rpps";
import { IdentityVerification, MieType, Population, ProfessionalCategory, RppsStatus } from "@/lib/db/generated/enums";
import { dayToDate, dayToIsoDate, parseIsoDay, toDay } from "./dates";
import { birthAndStartProblem, implausibleDayProblem } from "./past-days";
import type { ProfessionalRecord } from "./template/columns";
import { singleLine } from "./template/normalize";

const zOptionalDay = z
  .string()
  .trim()
  .refine((text) => text === "" || parseIsoDay(text) !== null, { error: "Saisissez une date valide (JJ/MM/AAAA)." });

const zRequiredDay = (message: string) => zOptionalDay.refine((text) => text !== "", { error: message });

const zEnrollment = z
  .object({
    type: z.enum(MieType, { error: "Choisissez le type de MIE." }),
    enrolledAt: zRequiredDay("Indiquez la date d'enrôlement."),
    expiresAt: zOptionalDay,
    revokedAt: zOptionalDay,
  })
  .superRefine((enrollment, ctx) => {
    if (enrollment.expiresAt !== "" && enrollment.enrolledAt !== "" && enrollment.expiresAt <= enrollment.enrolledAt) {
      ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "L'expiration doit être postérieure à l'enrôlement." });
    }
  });

/** Longest name and first name (characters); the form's fields stop there too. */
export const PROFESSIONAL_NAME_MAX = 100;

export const ZProfessionalInput = z
  .object({
    lastName: z
      .string()
      .overwrite(singleLine)
      .min(1, { error: "Indiquez le nom." })
      .max(PROFESSIONAL_NAME_MAX, { error: `Le nom ne doit pas dépasser ${PROFESSIONAL_NAME_MAX} caractères.` }),
    firstName: z
      .string()
      .overwrite(singleLine)
      .min(1, { error: "Indiquez le prénom." })
      .max(PROFESSIONAL_NAME_MAX, { error: `Le prénom ne doit pas dépasser ${PROFESSIONAL_NAME_MAX} caractères.` }),
    birthDate: zOptionalDay,
    population: z.enum(Population, { error: "Choisissez la population." }),
    professionCode: z.string().min(1, { error: "Choisissez la profession." }),
    category: z.enum(ProfessionalCategory),
    rpps: z
      .string()
      // The import's reading too (`parseRpps`): the national PP identifier 8 + RPPS is stored as its RPPS.
      .transform(readRpps)
      .superRefine((rpps, ctx) => {
        if (rpps === "") return;
        const problem = checkRpps(rpps);
        if (problem === "format" && isAdeliNumber(rpps))
          ctx.addIssue({
            code: "custom",
            message: `${rpps} est un numéro ADELI, pas un numéro RPPS : laissez ce champ vide et indiquez le statut RPPS et la date de naissance.`,
          });
        else if (problem === "format") ctx.addIssue({ code: "custom", message: "Le numéro RPPS comporte 11 chiffres." });
        else if (problem === "zeros")
          ctx.addIssue({ code: "custom", message: "Un numéro RPPS ne peut pas être composé uniquement de zéros." });
        else if (problem === "checkKey")
          ctx.addIssue({
            code: "custom",
            message: `Le numéro RPPS ${rpps} n'est pas valide : sa clé de contrôle (dernier chiffre) ne correspond pas. Vérifiez les chiffres saisis.`,
          });
      }),
    rppsStatus: z.enum(RppsStatus),
    rppsCheckedAt: zOptionalDay,
    identityVerification: z.enum(IdentityVerification),
    activityStart: zRequiredDay("Indiquez la date de début d'activité."),
    activityEnd: zOptionalDay,
    needsDmp: z.boolean(),
    needsDpi: z.boolean(),
    needsPscServices: z.boolean(),
    needsSecureMessaging: z.boolean(),
    enrollments: z.array(zEnrollment).max(20),
  })
  .superRefine((input, ctx) => {
    if (input.rppsStatus === "REGISTERED" && input.rpps === "") {
      ctx.addIssue({
        code: "custom",
        path: ["rpps"],
        message: "Un professionnel enregistré au RPPS a un numéro RPPS : saisissez-le, ou choisissez un autre statut.",
      });
    }
    if (input.rpps === "" && input.birthDate === "") {
      ctx.addIssue({
        code: "custom",
        path: ["birthDate"],
        message: "Sans numéro RPPS, la date de naissance est nécessaire pour reconnaître ce professionnel lors des imports.",
      });
    }
    // The import's rule too (template-row.ts): it catches a birth year typed for another.
    const [birth, start] = [parseIsoDay(input.birthDate), parseIsoDay(input.activityStart)];
    const tooLate = birth === null || start === null ? null : birthAndStartProblem(birth, start);
    if (tooLate) ctx.addIssue({ code: "custom", path: ["birthDate"], message: tooLate });
    for (const field of ["birthDate", "rppsCheckedAt"] as const) {
      const day = parseIsoDay(input[field]);
      const problem = day === null ? null : implausibleDayProblem(field, day);
      if (problem) ctx.addIssue({ code: "custom", path: [field], message: problem });
    }
    if (input.activityEnd !== "" && input.activityStart !== "" && input.activityEnd < input.activityStart) {
      ctx.addIssue({ code: "custom", path: ["activityEnd"], message: "La fin d'activité ne peut pas précéder son début." });
    }
  });

export type TProfessionalFormValues = z.input<typeof ZProfessionalInput>;
export type TProfessionalInput = z.output<typeof ZProfessionalInput>;

const date = (text: string) => (text === "" ? null : dayToDate(toDay(text)));
const text = (value: Date | null) => (value === null ? "" : dayToIsoDate(toDay(value)));

export function toProfessionalRecord(input: TProfessionalInput): ProfessionalRecord {
  return {
    ...input,
    rpps: input.rpps === "" ? null : input.rpps,
    birthDate: date(input.birthDate),
    rppsCheckedAt: date(input.rppsCheckedAt),
    activityStart: date(input.activityStart)!,
    activityEnd: date(input.activityEnd),
    enrollments: input.enrollments.map((enrollment) => ({
      type: enrollment.type,
      enrolledAt: date(enrollment.enrolledAt)!,
      expiresAt: date(enrollment.expiresAt),
      revokedAt: date(enrollment.revokedAt),
    })),
  };
}

export function toFormValues(record: ProfessionalRecord): TProfessionalFormValues {
  return {
    ...record,
    rpps: record.rpps ?? "",
    birthDate: text(record.birthDate),
    rppsCheckedAt: text(record.rppsCheckedAt),
    activityStart: text(record.activityStart),
    activityEnd: text(record.activityEnd),
    enrollments: record.enrollments.map((enrollment) => ({
      type: enrollment.type,
      enrolledAt: text(enrollment.enrolledAt),
      expiresAt: text(enrollment.expiresAt),
      revokedAt: text(enrollment.revokedAt),
    })),
  };
}
