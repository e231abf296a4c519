import { dossierReference } from "@/lib/applications/dossier-reference";
import { z } from "zod";
import { dossierWhere } from "@/lib/applications/list-dossiers";
import { db } from "@/lib/db/client";
import { ApplicationState, DecisionOutcome } from "@/lib/db/generated/enums";
import { apiEndpoint } from "./endpoint";
import { keysetPage, keysetWhere, page, ZCents, ZDateTime, ZPageQuery, ZRegionCode, ZSearchQuery } from "./schemas";

export const ZReleasedDecision = z
  .object({
    outcome: z.enum(DecisionOutcome).meta({ description: "SELECTED : retenu ; REJECTED : non retenu ; WAITLISTED : liste d'attente" }),
    amountGrantedCents: ZCents.nullable().meta({ description: "Montant accordé (dossier retenu), en centimes d'euro" }),
    releasedAt: ZDateTime.meta({ description: "Publication de la décision" }),
  })
  .meta({ id: "ReleasedDecision", description: "La dernière décision publiée ; une proposition non publiée n'apparaît jamais" });

export const ZDossier = z
  .object({
    id: z.uuid(),
    reference: z
      .string()
      .meta({ description: "Référence du dossier, telle que la citent ses pages, ses courriers et ses exports", example: "HC-00042" }),
    waveId: z.uuid(),
    state: z.enum(ApplicationState).meta({
      description:
        "DRAFT brouillon, SUBMITTED déposé, UNDER_REVIEW en instruction, INFORMATION_REQUESTED complément demandé, SCORED évalué, SELECTED retenu, REJECTED non retenu, WITHDRAWN retiré",
    }),
    projectTitle: z.string(),
    establishment: z.object({ id: z.uuid(), name: z.string(), finessEt: z.string(), regionCode: z.string(), categoryCode: z.string() }),
    requestedAmountCents: ZCents.meta({ description: "Budget demandé (somme des lignes), en centimes d'euro" }),
    submittedAt: ZDateTime.nullable().meta({ description: "Dernier dépôt ; null pour un brouillon" }),
    updatedAt: ZDateTime,
    decision: ZReleasedDecision.nullable(),
  })
  .meta({ id: "Dossier" });

export const DOSSIER_SELECT = {
  id: true,
  number: true,
  waveId: true,
  state: true,
  projectTitle: true,
  updatedAt: true,
  establishment: { select: { id: true, name: true, finessEt: true, regionCode: true, categoryCode: true } },
  submissions: { orderBy: { receivedAt: "desc" }, take: 1, select: { receivedAt: true } },
  budgetLines: { select: { amountCents: true } },
  // Released only: a staged proposal is not a decision yet (ADR 0013).
  decisions: {
    where: { releasedAt: { not: null }, supersededAt: null },
    orderBy: { releasedAt: "desc" },
    take: 1,
    select: { outcome: true, amountGrantedCents: true, releasedAt: true },
  },
} as const;

type DossierRow = {
  id: string;
  number: number;
  waveId: string;
  state: ApplicationState;
  projectTitle: string;
  updatedAt: Date;
  establishment: z.input<typeof ZDossier>["establishment"];
  submissions: { receivedAt: Date }[];
  budgetLines: { amountCents: bigint }[];
  decisions: { outcome: DecisionOutcome; amountGrantedCents: bigint | null; releasedAt: Date | null }[];
};

export function dossierBody(row: DossierRow): z.input<typeof ZDossier> {
  const decision = row.decisions[0];
  return {
    id: row.id,
    reference: dossierReference(row.number),
    waveId: row.waveId,
    state: row.state,
    projectTitle: row.projectTitle,
    establishment: row.establishment,
    requestedAmountCents: Number(row.budgetLines.reduce((sum, line) => sum + line.amountCents, 0n)),
    submittedAt: row.submissions[0]?.receivedAt.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    decision: decision
      ? {
          outcome: decision.outcome,
          amountGrantedCents: decision.amountGrantedCents === null ? null : Number(decision.amountGrantedCents),
          releasedAt: decision.releasedAt!.toISOString(),
        }
      : null,
  };
}

export const listDossiersEndpoint = apiEndpoint({
  path: "/dossiers",
  operationId: "listDossiers",
  tag: "Dossiers",
  summary: "Lister les dossiers",
  description: "Les dossiers de candidature de toutes les vagues, filtrés, dans l'ordre de leur création.",
  scope: "dossiers:read",
  params: {},
  query: ZPageQuery.extend({
    wave: z.uuid({ error: "Identifiant de vague invalide." }).optional().meta({ description: "Identifiant de la vague" }),
    state: z.enum(ApplicationState, { error: "État inconnu." }).optional().meta({ description: "État du dossier" }),
    region: ZRegionCode.optional(),
    establishment: z
      .uuid({ error: "Identifiant d'établissement invalide." })
      .optional()
      .meta({ description: "Identifiant de l'établissement" }),
    search: ZSearchQuery.optional().meta({
      description:
        "Référence du dossier (HC-00042), début du FINESS, ou mots du nom de l'établissement dans n'importe quel ordre, sans tenir compte des accents ni des majuscules",
    }),
  }),
  response: page(ZDossier, "DossierPage"),
});

export async function listDossiers(query: z.output<typeof listDossiersEndpoint.query>) {
  const rows = await db.application.findMany({
    where: {
      // The programme's dossier list filters, read the same way (lib/applications/list-dossiers.ts).
      ...dossierWhere({ wave: query.wave, state: query.state, region: query.region, search: query.search, sort: "recent", page: 1 }),
      ...(query.establishment ? { establishmentId: query.establishment } : {}),
      ...keysetWhere(query.cursor),
    },
    orderBy: { id: "asc" },
    take: query.limit + 1,
    select: DOSSIER_SELECT,
  });
  const { rows: kept, nextCursor } = keysetPage(rows, query.limit);
  return { data: kept.map(dossierBody), nextCursor };
}
