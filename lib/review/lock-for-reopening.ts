import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import { loadReleasedDecision } from "@/lib/decisions/released-decision";
import { lockWaveForDecisions } from "@/lib/decisions/wave-lock";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { DECISION_PUBLISHED } from "./reopening";
import { lockDossierForReview } from "./tier-completion";

/**
 * First thing in a reopening's transaction (the dossier's, or one review's): the wave's decisions
 * lock, then the dossier's, then the dossier as they leave it, refused once a decision on it is
 * published. Read before the locks, a release committed meanwhile went unseen: a waitlisted
 * dossier keeps its row through its release, so the wave's lock is what queues the two.
 */
export async function lockForReopening(tx: Pick<Db, "$queryRaw" | "decision">, dossier: { id: string; waveId: string }) {
  await lockWaveForDecisions(tx, dossier.waveId);
  const locked = await lockDossierForReview(tx, dossier.id);
  if (await loadReleasedDecision(tx, dossier.id)) throw new AppError("INVALID_STATE", DECISION_PUBLISHED);
  return { locked, facts: await loadDossierFacts(tx, dossier.id) };
}
