import { describe, expect, it } from "vitest";
import { formatTimeOfDay } from "./time-of-day";

describe("a time of day in French", () => {
  it("writes « h » between the hour and the minutes, the hour as a number, the minutes in two digits", () => {
    expect(formatTimeOfDay({ hour: 23, minute: 59 })).toBe("23\u00a0h\u00a059");
    expect(formatTimeOfDay({ hour: 9, minute: 5 })).toBe("9\u00a0h\u00a005");
    expect(formatTimeOfDay({ hour: 0, minute: 30 })).toBe("0\u00a0h\u00a030");
  });

  it("keeps the minutes on the hour, so that a deadline reads to the minute", () => {
    expect(formatTimeOfDay({ hour: 14, minute: 0 })).toBe("14\u00a0h\u00a000");
    expect(formatTimeOfDay({ hour: 0, minute: 0 })).toBe("0\u00a0h\u00a000");
  });

  it("writes the seconds, when asked, with their units: « 23 h 59 min 59 s »", () => {
    expect(formatTimeOfDay({ hour: 23, minute: 59, second: 59 })).toBe("23\u00a0h\u00a059\u00a0min\u00a059\u00a0s");
    expect(formatTimeOfDay({ hour: 0, minute: 0, second: 5 })).toBe("0\u00a0h\u00a000\u00a0min\u00a005\u00a0s");
  });

  it("never lets a line break fall inside a time: no ordinary space", () => {
    expect(formatTimeOfDay({ hour: 12, minute: 0, second: 0 })).not.toContain(" ");
  });

  it("refuses what no clock shows", () => {
    expect(() => formatTimeOfDay({ hour: 24, minute: 0 })).toThrow(RangeError);
    expect(() => formatTimeOfDay({ hour: 9, minute: 60 })).toThrow(RangeError);
    expect(() => formatTimeOfDay({ hour: 9, minute: 5.5 })).toThrow(RangeError);
    expect(() => formatTimeOfDay({ hour: 9, minute: 5, second: -1 })).toThrow(RangeError);
  });
});
