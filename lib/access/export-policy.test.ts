import { describe, expect, it } from "vitest";
import { authorizeExport, canReadExport } from "./policy";
import { testViewer as viewer } from "./viewer.test-helpers";

const requester = viewer({ userId: "requester", staffRole: "PROGRAMME_MANAGER" });
const colleague = viewer({ userId: "colleague", staffRole: "PROGRAMME_MANAGER" });
const exportJob = { requestedById: "requester" };

describe("background exports: who reads the file", () => {
  it("is the programme manager who asked for it, and nobody else", () => {
    expect(canReadExport(requester, exportJob)).toBe(true);
    expect(authorizeExport(requester, exportJob)).toBe(requester);
    expect(canReadExport(colleague, exportJob)).toBe(false);
    expect(() => authorizeExport(colleague, exportJob)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("is no longer the requester once they may not export (role withdrawn)", () => {
    const former = viewer({ userId: "requester", staffRole: "REVIEWER" });
    expect(canReadExport(former, exportJob)).toBe(false);
    expect(() => authorizeExport(former, exportJob)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => authorizeExport(null, exportJob)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
  });
});
