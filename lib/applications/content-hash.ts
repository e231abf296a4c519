import { createHash } from "node:crypto";
import { Population } from "@/lib/db/generated/enums";
import { MIE_TYPES } from "@/lib/mie/catalogue";
import { canonicalJson } from "./canonical-json";
import type { DossierContent } from "./dossier-content";

/**
 * The fingerprint of a submitted dossier, printed on the acknowledgment of receipt and stored in
 * `Submission.contentHash`: SHA-256 (hex) of the canonical JSON of
 * `{ format, content, attachments }`.
 *
 * - `dossierContentHash({ content, attachments })` → 64 hex characters
 * - `canonicalDossierJson(...)` → the exact text hashed (to store beside the receipt, or re-check)
 *
 * What it covers: every section (DossierContent) and the files of the dossier by their own SHA-256,
 * name and objective, so a file swapped after submission shows. Not the dossier id, the
 * establishment or the time: those are printed beside the hash, and two dossiers with the same
 * content have the same hash.
 * Order: partners, milestones and budget lines keep the applicant's order (their `position`);
 * what is a set in the database is sorted here, because loading order is not guaranteed there:
 * MIE strategy lines by population, each line's MIE in catalogue order, files by objective, hash,
 * name. Dates are `YYYY-MM-DD` strings already, amounts bigint cents written as strings.
 * `format` names this layout: change it with the layout, so an old hash is never re-read wrongly.
 */
export const CONTENT_HASH_FORMAT = "hospiconnect-dossier/1";

export type HashedAttachment = {
  /** The objective whose assessment the file proves, or null for a file of the dossier as a whole. */
  objectiveId: string | null;
  fileName: string;
  /** SHA-256 of the file's bytes, hex (as `Attachment.sha256`). */
  sha256: string;
};

export type HashedDossier = { content: DossierContent; attachments: readonly HashedAttachment[] };

const POPULATION_ORDER: readonly string[] = Object.values(Population);

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Copies exactly the fields of DossierContent: a caller passing rows straight from Prisma (with
 * ids, positions, timestamps) must not change the hash.
 */
function pickContent(content: DossierContent): DossierContent {
  const assessments: DossierContent["assessments"] = {};
  for (const [objectiveId, { status, targetDate, explanation }] of Object.entries(content.assessments)) {
    assessments[objectiveId] = { status, targetDate, explanation };
  }
  return {
    projectTitle: content.projectTitle,
    projectSummary: content.projectSummary,
    partners: content.partners.map(({ name, siret, role, solution }) => ({ name, siret, role, solution })),
    mieStrategy: [...content.mieStrategy]
      .sort((a, b) => POPULATION_ORDER.indexOf(a.population) - POPULATION_ORDER.indexOf(b.population))
      .map(({ population, mieTypes, headcount, notes }) => ({
        population,
        mieTypes: MIE_TYPES.filter((type) => mieTypes.includes(type)),
        headcount,
        notes,
      })),
    iamPlan: content.iamPlan,
    pscFederationPlan: content.pscFederationPlan,
    milestones: content.milestones.map(({ label, dueDate }) => ({ label, dueDate })),
    budgetLines: content.budgetLines.map(({ category, label, amountCents }) => ({ category, label, amountCents })),
    assessments,
  };
}

export function canonicalDossierJson({ content, attachments }: HashedDossier): string {
  const files = [...attachments]
    .map(({ objectiveId, fileName, sha256 }) => ({ objectiveId, fileName, sha256: sha256.toLowerCase() }))
    .sort(
      (a, b) =>
        byCodeUnits(a.objectiveId ?? "", b.objectiveId ?? "") || byCodeUnits(a.sha256, b.sha256) || byCodeUnits(a.fileName, b.fileName),
    );
  return canonicalJson({ format: CONTENT_HASH_FORMAT, content: pickContent(content), attachments: files });
}

export function dossierContentHash(dossier: HashedDossier): string {
  return createHash("sha256").update(canonicalDossierJson(dossier), "utf8").digest("hex");
}
