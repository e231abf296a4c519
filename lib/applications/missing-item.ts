import type { FormSection } from "@/lib/db/generated/enums";

/** One thing a dossier lacks before submission, as the form shows it (see completeness.ts). */
export type MissingItem = {
  section: FormSection;
  /** Form path of the field, when the problem is one field (`partners.1.name`). */
  field?: string;
  /** French, a full sentence. */
  message: string;
  /** Id of the place in the form to link to (see anchors.ts). */
  anchor: string;
};
