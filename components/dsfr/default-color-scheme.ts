import type { DefaultColorScheme } from "@codegouvfr/react-dsfr/next-app-router";

/** Follows the user's system setting; DSFR provides both themes. */
export const defaultColorScheme: DefaultColorScheme = "system";
