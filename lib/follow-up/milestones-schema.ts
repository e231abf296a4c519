import { z } from "zod";
import { zOptionalCalendarDate } from "@/lib/applications/sections/fields";

/** The days the dossier's milestones were done, as the director's form sends them (empty: not done). */
export const ZRecordMilestonesInput = z.object({
  milestones: z.array(z.object({ id: z.uuid({ error: "Valeur invalide." }), doneOn: zOptionalCalendarDate })).max(50),
});
export type TRecordMilestonesInput = z.output<typeof ZRecordMilestonesInput>;
export type TRecordMilestonesFormValues = z.input<typeof ZRecordMilestonesInput>;
