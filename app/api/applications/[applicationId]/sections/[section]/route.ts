import { z } from "zod";
import { saveSection } from "@/lib/applications/save-section";
import { FormSection } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { defineRoute } from "@/lib/http/define-route";

const ZSaveSectionRequest = z.object({ expectedVersion: z.number().int().min(0), data: z.unknown() });

/** Autosave of one section of a draft (optimistic concurrency on the section's version). */
export const PUT = defineRoute<typeof ZSaveSectionRequest, { applicationId: string; section: string }>({
  input: ZSaveSectionRequest,
  handler: async ({ viewer, input, params }) => {
    const section = z.enum(FormSection).safeParse(params.section.toUpperCase().replaceAll("-", "_"));
    if (!section.success) throw new AppError("NOT_FOUND");
    return saveSection(viewer, { applicationId: params.applicationId, section: section.data, expectedVersion: input.expectedVersion, data: input.data });
  },
});
