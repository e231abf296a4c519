import { describe, expect, it } from "vitest";
import { exportAfterDeath, RUN_AFTER_DEATH } from "./after-death";

describe("what follows an export run whose worker died", () => {
  it("runs the export again once", () => {
    expect(exportAfterDeath({ exportId: "e1" })).toEqual({ exportId: "e1", then: "run again" });
  });

  it("fails it when the run that died was already the second", () => {
    expect(exportAfterDeath({ exportId: "e1", [RUN_AFTER_DEATH]: true })).toEqual({ exportId: "e1", then: "fail" });
  });

  it("leaves a run of every waiting export to the clean-up", () => {
    expect(exportAfterDeath({})).toBeNull();
    expect(exportAfterDeath({ exportId: 12 })).toBeNull();
  });
});
