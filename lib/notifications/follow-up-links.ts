import { env } from "@/lib/config/env";

/** Absolute links of the follow-up pages, for e-mails: the establishment's, and the verifiers'. */
export const followUpUrl = (applicationId: string) => new URL(`/dossiers/${applicationId}/suivi`, env.APP_URL).toString();
export const verificationUrl = (applicationId: string) => new URL(`/instruction/suivi/${applicationId}`, env.APP_URL).toString();
