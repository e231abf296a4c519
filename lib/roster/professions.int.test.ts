import { describe, expect, it } from "vitest";
import "@/test/integration/database";
import { listProfessions, loadProfessionLabels } from "./professions";

describe("profession labels", () => {
  it("lists the nomenclature in French alphabetical order, accented initials among their letter", async () => {
    const labels = (await listProfessions()).map((profession) => profession.label);
    const position = (label: string) => labels.indexOf(label);
    expect(position("Médecin")).toBeGreaterThanOrEqual(0);
    expect(position("Médecin")).toBeLessThan(position("Moniteur éducateur"));
    expect(position("Éducateur spécialisé")).toBeLessThan(position("Infirmier"));
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "fr")));
  });

  it("gives the nomenclature's label of each code asked, and leaves out codes it does not hold", async () => {
    const nomenclature = await listProfessions();
    const [first, second] = nomenclature;
    const labels = await loadProfessionLabels([first!.code, "ZZ", second!.code]);
    expect(labels).toEqual({ [first!.code]: first!.label, [second!.code]: second!.label });
    // Asked again (the labels are read once per process): the same answer, nothing more.
    expect(await loadProfessionLabels(new Set([second!.code]))).toEqual({ [second!.code]: second!.label });
    expect(await loadProfessionLabels([])).toEqual({});
  });
});
