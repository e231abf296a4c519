import { describe, expect, it } from "vitest";
import { formatReceiptDate, formatReceiptTime } from "./receipt-time";

describe("formatReceiptTime", () => {
  it("writes the Paris time to the second, in winter and summer", () => {
    expect(formatReceiptTime(new Date("2026-02-13T22:58:12Z"))).toBe("13 février 2026 à 23:58:12");
    expect(formatReceiptTime(new Date("2025-06-30T22:00:05Z"))).toBe("1er juillet 2025 à 00:00:05");
  });

  it("tells one second before the deadline from the deadline", () => {
    expect(formatReceiptTime(new Date("2026-02-13T22:59:59.999Z"))).toBe("13 février 2026 à 23:59:59");
    expect(formatReceiptTime(new Date("2026-02-13T23:00:00Z"))).toBe("14 février 2026 à 00:00:00");
  });
});

describe("formatReceiptDate", () => {
  it("gives the Paris day, which may not be the UTC one", () => {
    expect(formatReceiptDate(new Date("2025-12-31T23:30:00Z"))).toBe("1er janvier 2026");
  });
});
