import { describe, expect, it } from "vitest";
import { dueDateErrors, targetObjectiveLabel, targetObjectives } from "./target-rules";

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

describe("dueDateErrors", () => {
  // 23:59 in Paris on 31 March 2027 (21:59 UTC, summer time): the wave closes on the 31st.
  const closesAt = new Date("2027-03-31T21:59:00Z");
  const target = { objectiveCode: "O4", indicator: "REGISTERED", dueDate: "2027-06-30" };

  it("accepts a date after the day the wave closes", () => {
    expect(dueDateErrors([target, { ...target, dueDate: "2027-04-01" }], { closesAt, stored: [] })).toEqual({});
  });

  it("refuses a date on or before the closing day, on the date's field, naming the closing", () => {
    const message = "Indiquez une date postérieure à la clôture de la vague (le 31 mars 2027).";
    expect(
      dueDateErrors([target, { ...target, dueDate: "2027-03-31" }, { ...target, dueDate: "2019-01-01" }], { closesAt, stored: [] }),
    ).toEqual({ "targets.1.dueDate": [message], "targets.2.dueDate": [message] });
  });

  it("keeps a stored target re-sent with the same date, though the closing has moved after it", () => {
    const stored = [{ ...target, dueDate: "2027-03-15" }];
    expect(dueDateErrors([{ ...target, dueDate: "2027-03-15" }], { closesAt, stored })).toEqual({});
    expect(Object.keys(dueDateErrors([{ ...target, dueDate: "2027-03-14" }], { closesAt, stored }))).toEqual(["targets.0.dueDate"]);
    expect(
      Object.keys(dueDateErrors([{ ...target, indicator: "IDENTITY_SUBSTANTIAL", dueDate: "2027-03-15" }], { closesAt, stored })),
    ).toEqual(["targets.0.dueDate"]);
  });
});
