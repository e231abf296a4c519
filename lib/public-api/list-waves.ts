import { z } from "zod";
import { db } from "@/lib/db/client";
import { WaveKind } from "@/lib/db/generated/enums";
import { apiEndpoint } from "./endpoint";
import { inDigits, keysetPage, keysetWhere, page, ZCents, ZDateTime, ZPageQuery } from "./schemas";

export const ZWave = z
  .object({
    id: z.uuid(),
    campaign: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }),
    kind: z.enum(WaveKind).meta({ description: "PILOT : vague pilote ; GENERALISATION : vague de généralisation" }),
    title: z.string(),
    year: z.int(),
    opensAt: ZDateTime,
    closesAt: ZDateTime.meta({
      description:
        "Clôture du dépôt des dossiers (hors prolongations accordées à un établissement) : la minute indiquée est comprise, un dépôt est accepté jusqu'à sa dernière seconde",
    }),
    fundingEnvelopeCents: ZCents.meta({ description: "Enveloppe de financement, en centimes d'euro" }),
  })
  .meta({ id: "Wave" });

export const WAVE_SELECT = {
  id: true,
  kind: true,
  title: true,
  year: true,
  opensAt: true,
  closesAt: true,
  fundingEnvelopeCents: true,
  campaign: { select: { id: true, slug: true, title: true } },
} as const;

type WaveRow = { opensAt: Date; closesAt: Date; fundingEnvelopeCents: bigint } & Omit<
  z.input<typeof ZWave>,
  "opensAt" | "closesAt" | "fundingEnvelopeCents"
>;

export function waveBody(row: WaveRow): z.input<typeof ZWave> {
  return {
    ...row,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    fundingEnvelopeCents: Number(row.fundingEnvelopeCents),
  };
}

export const listWavesEndpoint = apiEndpoint({
  path: "/waves",
  operationId: "listWaves",
  tag: "Vagues",
  summary: "Lister les vagues",
  description: "Les vagues des appels à projets, de la plus ancienne à la plus récente.",
  scope: "waves:read",
  params: {},
  query: ZPageQuery.extend({
    campaign: z.uuid({ error: "Identifiant de campagne invalide." }).optional().meta({ description: "Identifiant de la campagne" }),
    kind: z.enum(WaveKind, { error: "PILOT ou GENERALISATION." }).optional().meta({ description: "Type de vague" }),
    year: inDigits(
      z.coerce
        .number({ error: "Année attendue." })
        .int({ error: "Année attendue." })
        .min(2000, { error: "Année entre 2000 et 2100." })
        .max(2100, { error: "Année entre 2000 et 2100." })
        .optional(),
    ).meta({ description: "Année de la vague" }),
  }),
  response: page(ZWave, "WavePage"),
});

export async function listWaves(query: z.output<typeof listWavesEndpoint.query>) {
  const rows = await db.wave.findMany({
    where: {
      ...keysetWhere(query.cursor),
      ...(query.campaign ? { campaignId: query.campaign } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.year ? { year: query.year } : {}),
    },
    orderBy: { id: "asc" },
    take: query.limit + 1,
    select: WAVE_SELECT,
  });
  const { rows: kept, nextCursor } = keysetPage(rows, query.limit);
  return { data: kept.map(waveBody), nextCursor };
}
