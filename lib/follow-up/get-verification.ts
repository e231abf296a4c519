import { authorizeVerification, decideApplicationAccess, verificationTierFor } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { loadDeclaration } from "./load-declaration";
import { isVerificationOverdue } from "./verification-rules";

/**
 * The verification of a dossier's declared results, for whoever reads the dossier or verifies it
 * (an ARS reviewer of its region, the ANS): the declaration with its frozen figures, pre-check and
 * evidence, where the verification stands and its history (each tier's decisions per objective,
 * requests and answers with their files), and what the viewer may do now.
 */
export async function getVerification(viewer: Viewer, applicationId: string, now = new Date()) {
  const facts = await loadDossierFacts(db, applicationId);
  authorizeVerification(viewer, facts, "read");
  if (facts.state !== "SELECTED") throw new AppError("NOT_FOUND");
  const [dossier, declaration] = await Promise.all([
    db.application.findUniqueOrThrow({
      where: { id: facts.id },
      select: {
        projectTitle: true,
        establishment: { select: { name: true, finessEt: true, regionCode: true } },
        wave: { select: { title: true } },
        waveVersion: { select: { objectives: { orderBy: { position: "asc" }, select: { code: true, title: true } } } },
        tranches: { where: { kind: "BALANCE", status: "PLANNED" }, select: { amountCents: true } },
      },
    }),
    loadDeclaration(db, facts.id),
  ]);
  const verification = declaration
    ? await db.resultVerification.findUnique({
        where: { declarationId: declaration.id },
        select: {
          state: true,
          tier: true,
          dueAt: true,
          version: true,
          steps: {
            orderBy: { at: "asc" },
            select: {
              id: true,
              action: true,
              tier: true,
              toState: true,
              at: true,
              message: true,
              responseDueAt: true,
              verdicts: { orderBy: { objectiveCode: "asc" }, select: { objectiveCode: true, approved: true, reason: true } },
              attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, sizeBytes: true } },
            },
          },
        },
      })
    : null;
  const request =
    verification?.state === "INFORMATION_REQUESTED" ? verification.steps.findLast((step) => step.action === "REQUEST_INFORMATION") : null;
  return {
    applicationId: facts.id,
    projectTitle: dossier.projectTitle,
    establishment: dossier.establishment,
    waveTitle: dossier.wave.title,
    objectives: dossier.waveVersion.objectives,
    /** The balance the validation of the results makes due; null for a grant paid in one go at selection (ADR 0021). */
    balanceCents: dossier.tranches[0]?.amountCents ?? null,
    declaration,
    verification: verification
      ? { ...verification, overdue: isVerificationOverdue(verification.dueAt, now), request: request ?? null }
      : null,
    /** The tier at which the viewer decides now, if the declaration waits for it. */
    decideAs: verification ? verificationTierFor(viewer, facts, verification.state) : null,
    canAnswer: verification?.state === "INFORMATION_REQUESTED" && decideApplicationAccess(viewer, facts, "declare-results").allowed,
  };
}

export type VerificationView = Awaited<ReturnType<typeof getVerification>>;
