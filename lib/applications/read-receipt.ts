import { authorizeApplication } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { fileStorage } from "@/lib/storage";
import { loadDossierFacts } from "./dossier-facts";

/** The acknowledgment of receipt of the dossier's latest submission. */
export async function readReceipt(viewer: Viewer, applicationId: string) {
  const facts = await loadDossierFacts(db, applicationId);
  authorizeApplication(viewer, facts, "read");
  const submission = await db.submission.findFirst({ where: { applicationId: facts.id }, orderBy: { receivedAt: "desc" }, select: { receiptKey: true } });
  const bytes = submission?.receiptKey ? await fileStorage().get(submission.receiptKey) : null;
  if (!bytes) throw new AppError("NOT_FOUND", "Ce dossier n'a pas encore d'accusé de réception.");
  return { bytes, fileName: `accuse-de-reception-${facts.id.slice(0, 8)}.pdf` };
}
