import type { z } from "zod";
import { parisLocalTimeProblem } from "./paris";

/**
 * A zod check of a Paris date and time typed `YYYY-MM-DDTHH:mm` (empty passes: whether one is
 * required is the field's rule): every form refuses the skipped and the repeated hour in the same
 * words (`parisLocalTimeProblem`). A malformed value is left to the field's own format message.
 */
export function checkParisLocalTime(value: string, ctx: z.RefinementCtx): void {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return;
  const problem = parisLocalTimeProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}
