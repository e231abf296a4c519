import { postMessage } from "@/lib/applications/post-message";
import { defineRoute } from "@/lib/http/define-route";
import { filesOf, readFormData } from "@/lib/http/form-data";
import { RouteParam } from "@/lib/http/route-params";

/** A message in the dossier's thread (multipart: `body`, `files`). */
export const POST = defineRoute({
  params: { applicationId: RouteParam.id },
  handler: async ({ viewer, params, request }) => {
    const form = await readFormData(request);
    const body = form.get("body");
    const message = await postMessage(viewer, {
      applicationId: params.applicationId,
      body: typeof body === "string" ? body : "",
      files: await filesOf(form, "files"),
    });
    return { messageId: message.id };
  },
});
