import { dossierFileName } from "@/lib/applications/dossier-file-name";
import { authorizeVerification } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { fileStorage } from "@/lib/storage";

/** The PDF of the dossier's latest declaration of results, for whoever may read the dossier or verify its results. */
export async function readDeclarationPdf(viewer: Viewer, applicationId: string) {
  const facts = await loadDossierFacts(db, applicationId);
  authorizeVerification(viewer, facts, "read");
  const declaration = await db.resultDeclaration.findFirst({
    where: { applicationId: facts.id },
    orderBy: { declaredAt: "desc" },
    select: { pdfKey: true },
  });
  const bytes = declaration ? await fileStorage().get(declaration.pdfKey) : null;
  if (!bytes) throw new AppError("NOT_FOUND", "Ce dossier n'a pas encore de déclaration de résultats.");
  return { bytes, fileName: dossierFileName("declaration-resultats", facts) };
}
