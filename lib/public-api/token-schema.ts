import { z } from "zod";

/**
 * What a token of the public read API may read (ADR 0015). The policy says which permission of the
 * token's owner each scope needs (`API_SCOPE_PERMISSIONS` in lib/access/policy.ts).
 */
export const API_SCOPES = ["waves:read", "dossiers:read", "establishments:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Readonly<Record<ApiScope, { label: string; hint: string }>> = {
  "waves:read": { label: "Vagues", hint: "Calendrier, enveloppe et nombre de dossiers par état de chaque vague" },
  "dossiers:read": {
    label: "Dossiers",
    hint: "État, indicateurs figés au dépôt, agrégats de l'instruction et décisions publiées",
  },
  "establishments:read": { label: "Établissements", hint: "Identification et derniers indicateurs de déploiement" },
};

/** How long a new token stays valid, in days: a token always expires. */
export const API_TOKEN_LIFETIMES = { "30": "30 jours", "90": "90 jours", "180": "6 mois", "365": "1 an" } as const;

/** The token creation form, shared by the manager's page and the route handler. */
export const ZApiTokenInput = z.object({
  name: z.string().trim().min(1, { error: "Donnez un nom à ce jeton, par exemple celui du système qui l'utilisera." }).max(80, {
    error: "80 caractères au plus.",
  }),
  scopes: z
    .array(z.enum(API_SCOPES, { error: "Portée inconnue." }), { error: "Choisissez au moins une portée." })
    .min(1, { error: "Choisissez au moins une portée." })
    .transform((scopes) => [...new Set(scopes)]),
  lifetimeDays: z.enum(Object.keys(API_TOKEN_LIFETIMES) as [keyof typeof API_TOKEN_LIFETIMES], {
    error: "Choisissez une durée de validité.",
  }),
});
export type TApiTokenInput = z.infer<typeof ZApiTokenInput>;
