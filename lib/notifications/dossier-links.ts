import { env } from "@/lib/config/env";

/** Absolute links of the establishment's pages, for e-mails. */
export const dossierUrl = (applicationId: string) => new URL(`/dossiers/${applicationId}`, env.APP_URL).toString();
export const establishmentUrl = (establishmentId: string) => new URL(`/etablissements/${establishmentId}`, env.APP_URL).toString();
export const followUpUrl = (applicationId: string) => new URL(`/dossiers/${applicationId}/suivi`, env.APP_URL).toString();
