import { z } from "zod";
import { db } from "@/lib/db/client";
import { SnapshotReason } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { indicatorsFromSnapshot } from "@/lib/roster/snapshots";
import { apiEndpoint } from "./endpoint";
import { ESTABLISHMENT_SELECT, ZEstablishment } from "./list-establishments";
import { idParam, indicatorsBody, ZIndicators } from "./schemas";

export const getEstablishmentEndpoint = apiEndpoint({
  path: "/establishments/{establishmentId}",
  operationId: "getEstablishment",
  tag: "Établissements",
  summary: "Lire un établissement",
  description: "Un établissement et ses derniers indicateurs de déploiement (la dernière photographie de son registre des professionnels).",
  scope: "establishments:read",
  params: { establishmentId: idParam("Identifiant de l'établissement") },
  query: z.strictObject({}),
  response: ZEstablishment.extend({
    latestIndicators: ZIndicators.extend({
      reason: z.enum(SnapshotReason).meta({
        description:
          "DAILY relevé quotidien, CHANGE après une modification du registre, SUBMISSION au dépôt d'un dossier, DECLARATION à la déclaration des résultats",
      }),
    })
      .meta({ id: "LatestIndicators" })
      .nullable()
      .meta({ description: "null tant que le registre n'a jamais été relevé" }),
  }).meta({ id: "EstablishmentDetail" }),
});

export async function getEstablishment(establishmentId: string) {
  const [establishment, snapshot] = await Promise.all([
    db.establishment.findUnique({ where: { id: establishmentId }, select: ESTABLISHMENT_SELECT }),
    db.indicatorSnapshot.findFirst({
      where: { establishmentId },
      orderBy: [{ takenAt: "desc" }, { id: "desc" }],
      select: {
        takenAt: true,
        reason: true,
        active: true,
        registered: true,
        substantialId: true,
        rieCompliant: true,
        dmpReady: true,
        breakdown: true,
      },
    }),
  ]);
  if (!establishment) throw new AppError("NOT_FOUND");
  return {
    ...establishment,
    latestIndicators: snapshot ? { ...indicatorsBody(indicatorsFromSnapshot(snapshot), snapshot.takenAt), reason: snapshot.reason } : null,
  };
}
