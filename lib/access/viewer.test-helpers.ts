import type { Viewer } from "./viewer";

/** A viewer for the DB-free tests of what a role may do: no role, no membership, unless given. */
export const testViewer = (overrides: Partial<Viewer>): Viewer => ({
  userId: "u",
  email: "u@example.test",
  displayName: "U",
  staffRole: null,
  memberships: [],
  sessionId: "s",
  ...overrides,
});
