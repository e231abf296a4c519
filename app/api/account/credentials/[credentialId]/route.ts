import { defineRoute } from "@/lib/http/define-route";
import { ZRenameCredentialInput } from "@/lib/identity/schemas";
import { renameCredential, revokeCredential } from "@/lib/identity/webauthn/credentials";

type Params = { credentialId: string };

export const PATCH = defineRoute<typeof ZRenameCredentialInput, Params>({
  input: ZRenameCredentialInput,
  handler: async ({ viewer, input, params, ip }) => {
    await renameCredential(viewer, decodeURIComponent(params.credentialId), input.name, ip);
  },
});

export const DELETE = defineRoute<never, Params>({
  handler: async ({ viewer, params, ip }) => {
    await revokeCredential(viewer, decodeURIComponent(params.credentialId), ip);
  },
});
