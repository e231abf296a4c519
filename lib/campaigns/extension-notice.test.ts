import { describe, expect, it } from "vitest";
import { parisDateTime } from "@/lib/time/paris";
import { extensionDoneMessage, whoIsTold } from "./extension-notice";

describe("what the wave page says once an extension changes", () => {
  const closesAt = parisDateTime("2027-04-15T12:00");

  it("says the members are e-mailed only when the establishment has some", () => {
    expect(extensionDoneMessage({ kind: "granted", closesAt }, { members: 2, invited: [] })).toBe(
      "Prolongation accordée jusqu'au 15 avril 2027 à 12\u00a0h\u00a000 (heure de Paris). Les membres de l'établissement en sont informés par courriel.",
    );
  });

  it("says nobody is e-mailed when there is no member, and names the pending invitation that will see it", () => {
    expect(extensionDoneMessage({ kind: "granted", closesAt }, { members: 0, invited: ["qa.directrice@example.fr"] })).toBe(
      "Prolongation accordée jusqu'au 15 avril 2027 à 12\u00a0h\u00a000 (heure de Paris). L'établissement n'a encore aucun membre : personne n'en est informé par courriel. qa.directrice@example.fr, invité(e) à le rejoindre, verra la nouvelle date limite en acceptant son invitation.",
    );
    expect(extensionDoneMessage({ kind: "withdrawn" }, { members: 0, invited: [] })).toBe(
      "Prolongation retirée : la clôture de la vague s'applique de nouveau à l'établissement. L'établissement n'a encore aucun membre : personne n'en est informé par courriel.",
    );
    expect(whoIsTold({ members: 0, invited: ["a@example.fr", "b@example.fr"] }, "withdrawn", "future")).toBe(
      "L'établissement n'a encore aucun membre : personne n'en sera informé par courriel. Les personnes invitées à le rejoindre (a@example.fr, b@example.fr) verront la clôture de la vague en acceptant leur invitation.",
    );
  });

  it("says a shortened extension is shortened, not granted", () => {
    expect(extensionDoneMessage({ kind: "shortened", closesAt }, { members: 1, invited: [] })).toMatch(
      /^Prolongation raccourcie au 15 avril 2027 à 12\u00a0h\u00a000 \(heure de Paris\)\. /,
    );
  });
});
