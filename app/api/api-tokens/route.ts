import { defineRoute } from "@/lib/http/define-route";
import { createApiToken } from "@/lib/public-api/create-api-token";
import { ZApiTokenInput } from "@/lib/public-api/token-schema";

/** A programme manager's new API token: the secret is in this answer only. */
export const POST = defineRoute({
  input: ZApiTokenInput,
  handler: async ({ viewer, input, ip }) => {
    const { id, token, expiresAt } = await createApiToken(viewer, input, ip);
    return { id, token, expiresAt: expiresAt.toISOString() };
  },
});
