import { authorizeApplication } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { fileStorage } from "@/lib/storage";
import { dossierFileName } from "@/lib/applications/dossier-file-name";
import { loadReleasedDecision } from "./released-decision";

/**
 * The letter of the dossier's latest released decision, for whoever may read the dossier (a staged
 * proposal has none). Each download is audited, the applicant's too: it dates when the
 * establishment took the letter that opens its time to appeal (ADR 0039).
 */
export async function readDecisionLetter(viewer: Viewer, applicationId: string, ip: string | null = null) {
  const facts = await loadDossierFacts(db, applicationId);
  authorizeApplication(viewer, facts, "read");
  const decision = await loadReleasedDecision(db, facts.id);
  const bytes = decision?.letterKey ? await fileStorage().get(decision.letterKey) : null;
  if (!bytes) throw new AppError("NOT_FOUND", "Ce dossier n'a pas encore de lettre de décision.");
  await recordAudit(db, {
    actor: auditActor(viewer),
    action: "application.decision_letter_downloaded",
    target: { type: "Application", id: facts.id },
    ip,
    details: { decisionId: decision!.id, releasedAt: decision!.releasedAt!.toISOString() },
  });
  return { bytes, fileName: dossierFileName("decision", facts) };
}
