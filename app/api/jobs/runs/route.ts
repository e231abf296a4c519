import { relaunchJob, ZRelaunchJobInput } from "@/lib/jobs/job-runs";
import { defineRoute } from "@/lib/http/define-route";

/** A new run of a background job, queued now by a programme manager. */
export const POST = defineRoute<typeof ZRelaunchJobInput>({
  input: ZRelaunchJobInput,
  handler: ({ viewer, input, ip }) => relaunchJob(viewer, input, ip),
});
