import { describe, expect, it } from "vitest";
import { DEMO_ESTABLISHMENTS } from "./establishments";
import { demoRoster } from "./roster";
import { claimed, faker, restartDemoRandom } from "./random";

describe("the demo's random generator", () => {
  it("gives the same values and the same numbers again once restarted, as a second load in one process needs", () => {
    const draw = () => {
      restartDemoRandom();
      const words = [faker.person.lastName(), faker.string.numeric(8)];
      const roster = demoRoster({ ...DEMO_ESTABLISHMENTS[0]!, staff: 5 }, "etablissement", "FIDO2_LOCAL");
      return { words, rpps: roster.professionals.map((professional) => professional.rpps), claimed: [...claimed("rpps")] };
    };
    const first = draw();
    expect(first.claimed.length).toBeGreaterThan(0);
    expect(draw()).toEqual(first);
  });
});
