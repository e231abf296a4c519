import { z } from "zod";
import { db } from "@/lib/db/client";
import { establishmentSearchWhere } from "@/lib/establishments/search";
import { apiEndpoint } from "./endpoint";
import { keysetPage, keysetWhere, page, ZPageQuery, ZRegionCode, ZSearchQuery } from "./schemas";

export const ZEstablishment = z
  .object({
    id: z.uuid(),
    name: z.string(),
    finessEt: z.string().meta({ description: "FINESS géographique (ET)" }),
    finessEj: z.string().meta({ description: "FINESS juridique (EJ)" }),
    category: z.object({ code: z.string(), label: z.string() }).meta({ description: "Catégorie FINESS" }),
    regionCode: z.string(),
    departmentCode: z.string(),
    city: z.string(),
    headcount: z.int().min(0).meta({ description: "Effectif déclaré" }),
  })
  .meta({ id: "Establishment" });

export const ESTABLISHMENT_SELECT = {
  id: true,
  name: true,
  finessEt: true,
  finessEj: true,
  regionCode: true,
  departmentCode: true,
  city: true,
  headcount: true,
  category: { select: { code: true, label: true } },
} as const;

export const listEstablishmentsEndpoint = apiEndpoint({
  path: "/establishments",
  operationId: "listEstablishments",
  tag: "Établissements",
  summary: "Lister les établissements",
  description: "Les établissements connus du programme, filtrés, dans l'ordre de leur création.",
  scope: "establishments:read",
  params: {},
  query: ZPageQuery.extend({
    region: ZRegionCode.optional(),
    department: z
      .string()
      .regex(/^(\d{2,3}|2[AB])$/, { error: "Code de département invalide." })
      .optional()
      .meta({ description: "Code du département", example: "33" }),
    category: z
      .string()
      .regex(/^\d{3}$/, { error: "Code de catégorie FINESS à trois chiffres." })
      .optional()
      .meta({ description: "Code de catégorie FINESS", example: "355" }),
    search: ZSearchQuery.optional().meta({
      description: "Début du FINESS, ou mots du nom dans n'importe quel ordre, sans tenir compte des accents ni des majuscules",
    }),
  }),
  response: page(ZEstablishment, "EstablishmentPage"),
});

export async function listEstablishments(query: z.output<typeof listEstablishmentsEndpoint.query>) {
  const rows = await db.establishment.findMany({
    where: {
      ...keysetWhere(query.cursor),
      ...(query.region ? { regionCode: query.region } : {}),
      ...(query.department ? { departmentCode: query.department } : {}),
      ...(query.category ? { categoryCode: query.category } : {}),
      ...(query.search ? establishmentSearchWhere(query.search) : {}),
    },
    orderBy: { id: "asc" },
    take: query.limit + 1,
    select: ESTABLISHMENT_SELECT,
  });
  const { rows: data, nextCursor } = keysetPage(rows, query.limit);
  return { data, nextCursor };
}
