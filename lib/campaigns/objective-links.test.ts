import { describe, expect, it } from "vitest";
import { followObjectiveRows } from "./objective-links";

const rows = (...codes: string[]) => codes.map((code, index) => ({ key: `row${index + 1}`, code }));
const held = (...codes: string[]) => new Map(codes.map((code, index) => [`row${index + 1}`, code]));

describe("a criterion's objective links while the grid is edited", () => {
  it("follow an objective whose code is renamed, keystroke by keystroke", () => {
    let state = { links: ["O1", "O2"], held: held("O1", "O2", "O3") as Map<string, string> };
    for (const typed of ["O", "", "O", "O5"]) state = followObjectiveRows(state.links, state.held, rows("O1", typed, "O3"));
    expect(state.links).toEqual(["O1", "O5"]);
    expect(state.held.get("row2")).toBe("O5");
  });

  it("wait under the former code while the new one is another objective's, then follow it", () => {
    const typing = followObjectiveRows(["O2"], held("O1", "O2"), rows("O1", "o1"));
    expect(typing.links).toEqual(["O2"]);
    expect(followObjectiveRows(typing.links, typing.held, rows("O1", "O15")).links).toEqual(["O15"]);
  });

  it("leave the other criteria's links and an unlinked objective alone", () => {
    expect(followObjectiveRows(["O1"], held("O1", "O2"), rows("O1", "O5")).links).toEqual(["O1"]);
  });

  it("go with a removed objective, and survive a reset that brings the same codes under new keys", () => {
    expect(followObjectiveRows(["O1", "O2"], held("O1", "O2"), [{ key: "row1", code: "O1" }]).links).toEqual(["O1"]);
    const reset = [
      { key: "new1", code: "O1" },
      { key: "new2", code: "O2" },
    ];
    expect(followObjectiveRows(["O1", "O2"], held("O1", "O2"), reset).links).toEqual(["O1", "O2"]);
  });

  it("record a new row's code without touching the links", () => {
    const added = followObjectiveRows(["O1"], held("O1"), rows("O1", "O2"));
    expect(added.links).toEqual(["O1"]);
    expect(added.held.get("row2")).toBe("O2");
  });
});
