import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { ZRenameCredentialInput } from "@/lib/identity/schemas";
import { renameCredential, revokeCredential } from "@/lib/identity/webauthn/credentials";

const params = { credentialId: RouteParam.credentialId };

export const PATCH = defineRoute({
  params,
  input: ZRenameCredentialInput,
  handler: async ({ viewer, input, params, ip }) => {
    await renameCredential(viewer, params.credentialId, input.name, ip);
  },
});

/** Answers `endedCurrentSession`: the key had opened this very session, which is now over. */
export const DELETE = defineRoute({
  params,
  handler: ({ viewer, params, ip }) => revokeCredential(viewer, params.credentialId, ip),
});
