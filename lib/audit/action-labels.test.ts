import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_TARGET_LABELS, auditActionLabel, auditTargetLabel } from "./action-labels";

/** The app's sources outside tests, where audit entries are written. */
function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter(
      (entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.|test-helpers|generated/.test(entry.parentPath + entry.name),
    )
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), "utf8"));
}
const written = ["lib", "app", "prisma"].flatMap(sources).join("\n");

describe("audit log labels", () => {
  // Every action written with a code of its own: audited-keys.test.ts.
  it("names the actions built from a dossier's transition, a verification step and a tranche step", () => {
    expect(auditActionLabel("application.submit")).toBe("Dossier déposé");
    expect(auditActionLabel("follow_up.verification_request_information")).toBe("Vérification : complément demandé");
    expect(auditActionLabel("tranche.undo_payment")).toBe("Paiement d'un versement annulé");
    expect(auditActionLabel("something.new")).toBe("something.new");
  });

  it("names in French every kind of target the code records", () => {
    const types = new Set([...written.matchAll(/target: \{ type: "([A-Za-z]+)"/g)].map((match) => match[1]!));
    expect(types.size).toBeGreaterThan(10);
    expect([...types].filter((type) => !(type in AUDIT_TARGET_LABELS))).toEqual([]);
    expect(auditTargetLabel("Application")).toBe("Dossier");
  });
});
