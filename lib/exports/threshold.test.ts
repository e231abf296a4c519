import { describe, expect, it } from "vitest";
import { EXPORT_RETENTION_HOURS, exportExpiry, exportMode, isExpired, progressPercent } from "./threshold";

describe("background exports: threshold and expiry", () => {
  it("downloads up to the threshold at once, and runs above it in the background", () => {
    expect(exportMode(0, 2_000)).toBe("direct");
    expect(exportMode(2_000, 2_000)).toBe("direct");
    expect(exportMode(2_001, 2_000)).toBe("background");
    expect(exportMode(1, 0)).toBe("background");
  });

  it("keeps a file 48 hours, and it is expired from that instant on", () => {
    const ready = new Date("2026-12-02T10:00:00Z");
    expect(EXPORT_RETENTION_HOURS).toBe(48);
    expect(exportExpiry(ready).toISOString()).toBe("2026-12-04T10:00:00.000Z");
    expect(isExpired(exportExpiry(ready), new Date("2026-12-04T09:59:59.999Z"))).toBe(false);
    expect(isExpired(exportExpiry(ready), new Date("2026-12-04T10:00:00Z"))).toBe(true);
  });

  it("shows progress as a whole percent that never passes 100", () => {
    expect(progressPercent(0, 25_000)).toBe(0);
    expect(progressPercent(12_499, 25_000)).toBe(49);
    expect(progressPercent(25_000, 25_000)).toBe(100);
    expect(progressPercent(25_010, 25_000)).toBe(100);
    expect(progressPercent(0, 0)).toBe(0);
  });
});
