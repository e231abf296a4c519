import { authorizeApplication } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { fileStorage } from "@/lib/storage";
import { loadDossierFacts } from "./dossier-facts";
import { dossierFileName } from "./dossier-file-name";

/**
 * The acknowledgment of receipt of the dossier's latest submission, once the job has rendered it.
 * Each download is audited, the applicant's too (ADR 0039).
 */
export async function readReceipt(viewer: Viewer, applicationId: string, ip: string | null = null) {
  const facts = await loadDossierFacts(db, applicationId);
  authorizeApplication(viewer, facts, "read");
  const submission = await db.submission.findFirst({
    where: { applicationId: facts.id },
    orderBy: { receivedAt: "desc" },
    select: { receiptKey: true, receivedAt: true },
  });
  if (submission && !submission.receiptKey) {
    throw new AppError("INVALID_STATE", "L'accusé de réception est en cours de génération : réessayez dans quelques instants.");
  }
  const bytes = submission?.receiptKey ? await fileStorage().get(submission.receiptKey) : null;
  if (!bytes) throw new AppError("NOT_FOUND", "Ce dossier n'a pas encore d'accusé de réception.");
  await recordAudit(db, {
    actor: auditActor(viewer),
    action: "application.receipt_downloaded",
    target: { type: "Application", id: facts.id },
    ip,
    details: { receivedAt: submission!.receivedAt.toISOString() },
  });
  return { bytes, fileName: dossierFileName("accuse-de-reception", facts) };
}
