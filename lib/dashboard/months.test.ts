import { describe, expect, it } from "vitest";
import { addMonths, formatMonthFr, monthsBetween, monthStart, parisMonthOf } from "./months";

describe("Paris months", () => {
  it("takes the month of the Paris day, not of UTC", () => {
    expect(parisMonthOf(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01");
    expect(monthStart("2026-04")).toEqual(new Date("2026-03-31T22:00:00Z"));
  });

  it("steps across years both ways", () => {
    expect(addMonths("2025-11", 3)).toBe("2026-02");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(formatMonthFr("2026-02")).toBe("février 2026");
  });
});
