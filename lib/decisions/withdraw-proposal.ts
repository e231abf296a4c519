import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { formatParisDateTime } from "@/lib/time/paris";
import { OUTCOME_LABELS } from "./labels";
import { staleProposalMessage, type TWithdrawProposalInput } from "./proposal";
import { lockWaveForDecisions } from "./wave-lock";
import { withdrawStagedProposal } from "./withdraw-staged-proposal";

/**
 * « Retirer la proposition »: a manager takes back a proposal staged by mistake, before the release
 * publishes it. Under the wave's lock, as staging and the release are: the proposal withdrawn is the
 * one the manager saw (`replacing`), never one staged since (CONFLICT, as for staging), and a
 * published decision is never withdrawn. Audited `decision.withdrawn`; the dossier stays « évalué »,
 * out of the envelope and of the next release until a new proposal is staged.
 */
export async function withdrawProposal(
  viewer: Viewer,
  input: TWithdrawProposalInput & { applicationId: string; ip: string | null },
  now = new Date(),
): Promise<{ withdrawn: true }> {
  requirePermission(viewer, "application:decide");
  const dossier = await db.application.findUnique({ where: { id: input.applicationId }, select: { id: true, waveId: true } });
  if (!dossier) throw new AppError("NOT_FOUND");
  return db.$transaction(async (tx) => {
    await lockWaveForDecisions(tx, dossier.waveId);
    const seen = await tx.decision.findFirst({
      where: { id: input.replacing, applicationId: dossier.id },
      select: { releasedAt: true },
    });
    if (seen?.releasedAt) throw new AppError("INVALID_STATE", "La décision de ce dossier est publiée : elle ne se retire plus.");
    const staged = await tx.decision.findFirst({
      where: { applicationId: dossier.id, releasedAt: null, supersededAt: null },
      select: { id: true, outcome: true, stagedAt: true, stagedBy: { select: { displayName: true } } },
    });
    if (!staged) throw new AppError("INVALID_STATE", "Ce dossier n'a plus de proposition en attente de publication : rechargez la page.");
    if (staged.id !== input.replacing) {
      const other = { stagedAt: formatParisDateTime(staged.stagedAt), stagedBy: staged.stagedBy?.displayName ?? null };
      throw new AppError("CONFLICT", staleProposalMessage({ ...other, outcome: OUTCOME_LABELS[staged.outcome] }));
    }
    await withdrawStagedProposal(tx, { applicationId: dossier.id, viewer, ip: input.ip, now });
    return { withdrawn: true as const };
  });
}
