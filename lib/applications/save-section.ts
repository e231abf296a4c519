import { authorizeApplication } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { FormSection } from "@/lib/db/generated/enums";
import { AppError, fieldErrorsUnder } from "@/lib/errors/app-error";
import { readDossierContent, sectionFormValues } from "./dossier-content-rows";
import { loadDossierFacts } from "./dossier-facts";
import { sectionSaveNeedsAuditEntry } from "./section-save-audit";
import { parseSection } from "./sections";
import { writeSectionContent } from "./write-section-content";

export type SaveSectionInput = {
  applicationId: string;
  section: FormSection;
  /** The section version the form was loaded with: a save on top of someone else's fails. */
  expectedVersion: number;
  data: unknown;
  ip?: string | null;
};

/** What the second of two editors is told: who saved, when, and the content now stored. */
export type SectionConflict = {
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  values: unknown;
};

/**
 * Autosave of one section of a draft (optimistic concurrency on the section's version). Two members
 * editing different sections never conflict; on the same section, the later save is refused with
 * the stored content so that nothing is overwritten silently.
 */
export async function saveSection(viewer: Viewer, input: SaveSectionInput): Promise<{ version: number; savedAt: string }> {
  const facts = await loadDossierFacts(db, input.applicationId);
  authorizeApplication(viewer, facts, "edit");
  const parsed = parseSection(input.section, input.data);
  if (!parsed.ok) {
    throw new AppError("INVALID_INPUT", "Certaines informations de cette section ne sont pas valides.", {
      fieldErrors: fieldErrorsUnder("data", parsed.fieldErrors),
    });
  }
  if (input.section === "SELF_ASSESSMENT") {
    const objectiveIds = Object.keys((parsed.data as { assessments: Record<string, unknown> }).assessments);
    const known = await db.objective.count({ where: { id: { in: objectiveIds }, waveVersionId: facts.waveVersionId } });
    if (known !== objectiveIds.length)
      throw new AppError("INVALID_INPUT", "Cette auto-évaluation porte sur un objectif qui n'est pas celui de votre vague.");
  }

  const now = new Date();
  return db.$transaction(async (tx) => {
    await tx.applicationSection.upsert({
      where: { applicationId_section: { applicationId: facts.id, section: input.section } },
      create: { applicationId: facts.id, section: input.section, version: 0 },
      update: {},
    });
    const claimed = await tx.applicationSection.updateMany({
      where: { applicationId: facts.id, section: input.section, version: input.expectedVersion },
      data: { version: { increment: 1 }, updatedAt: now, updatedById: viewer.userId },
    });
    if (claimed.count !== 1) {
      const current = await tx.applicationSection.findUniqueOrThrow({
        where: { applicationId_section: { applicationId: facts.id, section: input.section } },
        select: { version: true, updatedAt: true, updatedBy: { select: { displayName: true } } },
      });
      const conflict: SectionConflict = {
        version: current.version,
        updatedAt: current.updatedAt.toISOString(),
        updatedBy: current.updatedBy?.displayName ?? null,
        values: sectionFormValues(input.section, await readDossierContent(tx, facts.id)),
      };
      throw new AppError(
        "CONFLICT",
        `${conflict.updatedBy ?? "Une autre personne"} a modifié cette section pendant que vous la complétiez. Vos modifications n'ont pas été enregistrées : comparez les deux versions.`,
        { details: { conflict } },
      );
    }
    await writeSectionContent(tx, facts.id, input.section, parsed.data);
    await tx.application.update({ where: { id: facts.id }, data: { updatedAt: now } });
    const version = input.expectedVersion + 1;
    await recordSectionSave(tx, viewer, { applicationId: facts.id, section: input.section, version, ip: input.ip ?? null }, now);
    return { version, savedAt: now.toISOString() };
  });
}

/**
 * The save's audit entry, unless it merges into the same person's recent one
 * (`sectionSaveNeedsAuditEntry`, ADR 0039). Runs after the section's version was claimed: a
 * concurrent save of the section waits for this transaction, then reads its entry.
 */
async function recordSectionSave(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  save: { applicationId: string; section: FormSection; version: number; ip: string | null },
  now: Date,
): Promise<void> {
  const latest = await tx.auditEvent.findFirst({
    where: {
      targetType: "Application",
      targetId: save.applicationId,
      action: "application.section_saved",
      details: { path: ["section"], equals: save.section },
    },
    orderBy: { id: "desc" },
    select: { at: true, actorId: true },
  });
  if (!sectionSaveNeedsAuditEntry(latest, viewer.userId, now)) return;
  await recordAudit(tx, {
    actor: auditActor(viewer),
    action: "application.section_saved",
    target: { type: "Application", id: save.applicationId },
    ip: save.ip,
    // The section and the version it reached: the versions between two entries are saves merged.
    details: { section: save.section, version: save.version },
  });
}
