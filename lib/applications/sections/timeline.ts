import { z } from "zod";
import { INVALID_VALUE, TEXT_LIMITS, zCalendarDate, zDraftText, zList } from "./fields";

/**
 * Section « Calendrier »: milestones in the applicant's order (stored as `position`). The due date
 * is needed to save a row (the column cannot be empty); the label may come later.
 */
export const MAX_MILESTONES = 50;

export const ZMilestoneInput = z.object(
  {
    label: zDraftText("Le libellé du jalon", TEXT_LIMITS.label),
    dueDate: zCalendarDate("Indiquez la date du jalon."),
  },
  { error: INVALID_VALUE },
);

export const ZTimelineSectionInput = z.object(
  {
    milestones: zList(ZMilestoneInput, MAX_MILESTONES, `Le calendrier compte au plus ${MAX_MILESTONES} jalons.`),
  },
  { error: INVALID_VALUE },
);

export type TMilestoneInput = z.output<typeof ZMilestoneInput>;
export type TTimelineSectionInput = z.output<typeof ZTimelineSectionInput>;
export type TTimelineSectionFormValues = z.input<typeof ZTimelineSectionInput>;
