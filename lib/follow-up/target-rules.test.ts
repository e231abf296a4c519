import { describe, expect, it } from "vitest";
import { targetObjectiveLabel, targetObjectives } from "./target-rules";

describe("targetObjectives", () => {
  const rows = [
    { code: "O1", title: "Identité", position: 0, versionNumber: 1 },
    { code: "O4", title: "Enregistrement RPPS", position: 3, versionNumber: 1 },
    { code: "O2", title: "MIE", position: 1, versionNumber: 1 },
    { code: "O2", title: "MIE conformes", position: 1, versionNumber: 2 },
    { code: "O1", title: "Identité numérique", position: 0, versionNumber: 2 },
  ];

  it("lists every version's objectives once, the current version's first, with the versions that hold each", () => {
    expect(targetObjectives(rows)).toEqual([
      { code: "O1", title: "Identité numérique", versions: [1, 2] },
      { code: "O2", title: "MIE conformes", versions: [1, 2] },
      { code: "O4", title: "Enregistrement RPPS", versions: [1] },
    ]);
  });

  it("labels each with its versions when the wave has several", () => {
    const [o1, , o4] = targetObjectives(rows);
    expect(targetObjectiveLabel(o4!, 2)).toBe("O4 – Enregistrement RPPS (version 1)");
    expect(targetObjectiveLabel(o1!, 2)).toBe("O1 – Identité numérique (versions 1 et 2)");
    expect(targetObjectiveLabel({ ...o1!, versions: [1, 2, 3] }, 3)).toBe("O1 – Identité numérique (versions 1, 2 et 3)");
    expect(targetObjectiveLabel({ code: "O1", title: "Identité", versions: [1] }, 1)).toBe("O1 – Identité");
  });
});
