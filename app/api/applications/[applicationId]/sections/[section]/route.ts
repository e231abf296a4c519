import { z } from "zod";
import { saveSection } from "@/lib/applications/save-section";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

const ZSaveSectionRequest = z.object({ expectedVersion: z.number().int().min(0), data: z.unknown() });

/** Autosave of one section of a draft (optimistic concurrency on the section's version). */
export const PUT = defineRoute({
  params: { applicationId: RouteParam.id, section: RouteParam.apiSection },
  input: ZSaveSectionRequest,
  handler: async ({ viewer, input, params, ip }) =>
    saveSection(viewer, {
      applicationId: params.applicationId,
      section: params.section,
      expectedVersion: input.expectedVersion,
      data: input.data,
      ip,
    }),
});
