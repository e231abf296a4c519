import { z } from "zod";
import { POPULATION_LABELS } from "@/lib/applications/labels";
import { Population } from "@/lib/db/generated/enums";
import { MIE_TYPES } from "@/lib/mie/catalogue";
import { INVALID_VALUE, TEXT_LIMITS, zDraftText, zList } from "./fields";

/**
 * Section « Stratégie MIE »: for each population of professionals (salariés, libéraux, internes,
 * intérimaires, stagiaires: the alpha wave's lesson "inventory every population"), the MIE the
 * project plans, from the catalogue, and how many professionals it covers. One line per
 * population (unique in the database). The MIE list is a set: duplicates are dropped and it is
 * kept in catalogue order, so saving the same choice twice gives the same content (and hash).
 * zod runs the duplicate-population check once the rows themselves are valid: a user sees it after
 * fixing the other errors of the section (the form can also offer only the populations left).
 */
const MAX_HEADCOUNT = 1_000_000;

const HEADCOUNT_MESSAGE = "L'effectif doit être un nombre entier positif ou nul.";

/** Empty means "not counted yet"; a number input may send a number, a string or NaN. */
const zHeadcount = z
  .union([z.number(), z.nan(), z.string(), z.null(), z.undefined()], { error: HEADCOUNT_MESSAGE })
  .transform((value, ctx) => {
    const text = typeof value === "string" ? value.replace(/[\s\u00a0\u202f]/g, "") : value;
    if (text === undefined || text === null || text === "" || Number.isNaN(text)) return null;
    const headcount = typeof text === "number" ? text : /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(headcount) || headcount < 0) {
      ctx.addIssue({ code: "custom", message: HEADCOUNT_MESSAGE, input: value });
    } else if (headcount > MAX_HEADCOUNT) {
      ctx.addIssue({ code: "custom", message: "L'effectif ne peut pas dépasser 1 000 000.", input: value });
    }
    return headcount;
  });

const zMieTypes = z
  .array(z.enum(MIE_TYPES, { error: "Ce MIE ne figure pas au catalogue." }), { error: INVALID_VALUE })
  .transform((types) => MIE_TYPES.filter((type) => types.includes(type)));

export const ZMieStrategyLineInput = z.object(
  {
    population: z.enum(Population, { error: "Choisissez la population de professionnels." }),
    mieTypes: zMieTypes,
    headcount: zHeadcount,
    notes: zDraftText("Les remarques", TEXT_LIMITS.notes, { multiline: true }),
  },
  { error: INVALID_VALUE },
);

export const ZMieStrategySectionInput = z.object(
  {
    mieStrategy: zList(
      ZMieStrategyLineInput,
      Object.keys(Population).length,
      "La stratégie compte au plus une ligne par population.",
    ).superRefine((lines, ctx) => {
      lines.forEach((line, index) => {
        if (lines.findIndex((other) => other.population === line.population) < index) {
          ctx.addIssue({
            code: "custom",
            path: [index, "population"],
            message: `La population « ${POPULATION_LABELS[line.population]} » figure déjà sur une autre ligne.`,
          });
        }
      });
    }),
  },
  { error: INVALID_VALUE },
);

export type TMieStrategyLineInput = z.output<typeof ZMieStrategyLineInput>;
export type TMieStrategySectionInput = z.output<typeof ZMieStrategySectionInput>;
export type TMieStrategySectionFormValues = z.input<typeof ZMieStrategySectionInput>;
