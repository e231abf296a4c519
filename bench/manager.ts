import type { Viewer } from "@/lib/access/viewer";

/** The programme manager the scenarios read as (no row behind it: the reads only ask the policy). */
export const BENCH_MANAGER: Viewer = {
  userId: "00000000-0000-7000-8000-000000000000",
  email: "bench@ans.test",
  displayName: "Bench",
  staffRole: "PROGRAMME_MANAGER",
  memberships: [],
  sessionId: "bench",
};
