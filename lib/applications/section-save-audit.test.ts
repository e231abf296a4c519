import { describe, expect, it } from "vitest";
import { SECTION_SAVE_AUDIT_WINDOW_MINUTES, sectionSaveNeedsAuditEntry } from "./section-save-audit";

const now = new Date("2026-12-07T10:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("sectionSaveNeedsAuditEntry", () => {
  it("writes the first save of a section", () => {
    expect(sectionSaveNeedsAuditEntry(null, "alice", now)).toBe(true);
  });

  it("merges one person's saves of a section into the entry of the last ten minutes", () => {
    expect(sectionSaveNeedsAuditEntry({ at: minutesAgo(0), actorId: "alice" }, "alice", now)).toBe(false);
    expect(sectionSaveNeedsAuditEntry({ at: minutesAgo(9.9), actorId: "alice" }, "alice", now)).toBe(false);
  });

  it("writes again once the latest entry is ten minutes old", () => {
    expect(SECTION_SAVE_AUDIT_WINDOW_MINUTES).toBe(10);
    expect(sectionSaveNeedsAuditEntry({ at: minutesAgo(10), actorId: "alice" }, "alice", now)).toBe(true);
  });

  it("writes when the latest entry is someone else's, however recent: members taking turns stay in order", () => {
    expect(sectionSaveNeedsAuditEntry({ at: minutesAgo(0), actorId: "bruno" }, "alice", now)).toBe(true);
    expect(sectionSaveNeedsAuditEntry({ at: minutesAgo(1), actorId: null }, "alice", now)).toBe(true);
  });
});
