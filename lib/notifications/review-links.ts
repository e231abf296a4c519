import { env } from "@/lib/config/env";

/** Absolute links of the review pages, for e-mails. */
export const reviewQueueUrl = () => new URL("/instruction", env.APP_URL).toString();
export const reviewWorkspaceUrl = (assignmentId: string) => new URL(`/instruction/${assignmentId}`, env.APP_URL).toString();
export const assignmentPageUrl = (waveId: string) => new URL(`/pilotage/vagues/${waveId}/attribution`, env.APP_URL).toString();
