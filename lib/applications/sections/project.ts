import { z } from "zod";
import { INVALID_VALUE, TEXT_LIMITS, zDraftText } from "./fields";

/** Section « Projet »: what the project is, in a title and a summary. */
export const ZProjectSectionInput = z.object(
  {
    projectTitle: zDraftText("Le titre du projet", TEXT_LIMITS.title),
    projectSummary: zDraftText("Le résumé du projet", TEXT_LIMITS.summary, { multiline: true }),
  },
  { error: INVALID_VALUE },
);

export type TProjectSectionInput = z.output<typeof ZProjectSectionInput>;
export type TProjectSectionFormValues = z.input<typeof ZProjectSectionInput>;
