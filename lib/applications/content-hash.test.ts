import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalDossierJson, dossierContentHash, type HashedDossier } from "./content-hash";
import type { DossierContent } from "./dossier-content";

const O1 = "0198c1d2-0000-7000-8000-000000000001";
const O2 = "0198c1d2-0000-7000-8000-000000000002";

function dossier(): HashedDossier {
  const content: DossierContent = {
    projectTitle: "Double authentification pour tous",
    projectSummary: "Clés FIDO2 et e-CPS.",
    partners: [
      { name: "Éditeur SSO", siret: "73282932000017", role: "IAM_SSO", solution: "SSO Santé" },
      { name: "Intégrateur", siret: null, role: "INTEGRATOR", solution: "" },
    ],
    mieStrategy: [
      { population: "SALARIED", mieTypes: ["E_CPS", "FIDO2_LOCAL"], headcount: 320, notes: "" },
      { population: "INTERN", mieTypes: ["CPS"], headcount: 12, notes: "" },
    ],
    iamPlan: "Web-SSO.",
    pscFederationPlan: "Plus tard.",
    milestones: [
      { label: "Clés distribuées", dueDate: "2026-09-30" },
      { label: "Bilan", dueDate: "2026-06-30" },
    ],
    budgetLines: [{ category: "EQUIPMENT", label: "Clés FIDO2", amountCents: 1_250_050n }],
    assessments: {
      [O1]: { status: "ACHIEVED", targetDate: null, explanation: "Fait." },
      [O2]: { status: "IN_PROGRESS", targetDate: "2026-12-31", explanation: "En cours." },
    },
  };
  return {
    content,
    attachments: [
      { objectiveId: O1, fileName: "procédure.pdf", sha256: "b".repeat(64) },
      { objectiveId: O1, fileName: "annexe.pdf", sha256: "a".repeat(64) },
    ],
  };
}

/** The same data, every object built with its keys in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, inner]) => [key, reversedKeys(inner)]),
    ) as T;
  }
  return value;
}

describe("dossierContentHash", () => {
  it("is the SHA-256 hex of the canonical JSON", () => {
    const hash = dossierContentHash(dossier());
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHash("sha256").update(canonicalDossierJson(dossier())).digest("hex"));
  });

  it("gives the same hash whatever the key order", () => {
    expect(dossierContentHash(reversedKeys(dossier()))).toBe(dossierContentHash(dossier()));
  });

  it("gives the same hash whatever the loading order of sets (MIE lines and types, files)", () => {
    const shuffled = dossier();
    shuffled.content.mieStrategy.reverse();
    shuffled.content.mieStrategy[1]?.mieTypes.reverse();
    shuffled.attachments = [...shuffled.attachments].reverse();
    expect(dossierContentHash(shuffled)).toBe(dossierContentHash(dossier()));
  });

  it("ignores fields outside the dossier content (rows passed straight from the database)", () => {
    const withIds = dossier();
    withIds.content.partners = withIds.content.partners.map((partner, position) => ({ ...partner, id: "x", position }));
    expect(dossierContentHash(withIds)).toBe(dossierContentHash(dossier()));
  });

  it.each<[string, (d: HashedDossier) => void]>([
    ["a partner order", (d) => d.content.partners.reverse()],
    ["a milestone order", (d) => d.content.milestones.reverse()],
    ["one cent", (d) => (d.content.budgetLines[0]!.amountCents += 1n)],
    ["a date", (d) => (d.content.milestones[0]!.dueDate = "2026-10-01")],
    ["an accent", (d) => (d.content.projectSummary = "Cles FIDO2 et e-CPS.")],
    ["a status", (d) => (d.content.assessments[O2]!.status = "PLANNED")],
    ["a file's content", (d) => (d.attachments = [{ ...d.attachments[0]!, sha256: "c".repeat(64) }, d.attachments[1]!])],
    ["a file's objective", (d) => (d.attachments = [{ ...d.attachments[0]!, objectiveId: O2 }, d.attachments[1]!])],
  ])("changes with %s", (_name, change) => {
    const changed = dossier();
    change(changed);
    expect(dossierContentHash(changed)).not.toBe(dossierContentHash(dossier()));
  });

  it("writes dates and amounts as strings, under a named format", () => {
    const json = canonicalDossierJson(dossier());
    expect(json).toContain('"amountCents":"1250050"');
    expect(json).toContain('"dueDate":"2026-09-30"');
    expect(json.startsWith('{"attachments":[{"fileName":"annexe.pdf"')).toBe(true);
    expect(json).toContain('"format":"hospiconnect-dossier/1"');
  });
});
