import { ZEstablishmentRegistrationInput } from "@/lib/establishments/registration-schema";
import { registerEstablishment } from "@/lib/establishments/register-establishment";
import { defineRoute } from "@/lib/http/define-route";

/** A programme manager registers a candidate establishment and invites its director (audited). */
export const POST = defineRoute({
  input: ZEstablishmentRegistrationInput,
  handler: ({ viewer, input, ip }) => registerEstablishment(viewer, input, ip),
});
