"use client";

import { DsfrProviderBase, type DsfrProviderProps, StartDsfrOnHydration } from "@codegouvfr/react-dsfr/next-app-router";
import Link from "next/link";
import { defaultColorScheme } from "./default-color-scheme";

declare module "@codegouvfr/react-dsfr/next-app-router" {
  interface RegisterLink {
    Link: typeof Link;
  }
}

/**
 * The DSFR for the App Router. `DsfrProviderBase` loads the DSFR's script (menus, accordions,
 * modals, tabs) but only queues its start; `StartDsfrOnHydration` starts it once React has
 * hydrated the page, so that the script never touches markup React has yet to adopt. Both live
 * here so that no layout can have one without the other (e2e/dsfr-behaviours.spec.ts).
 */
export function DsfrProvider({ children, ...props }: DsfrProviderProps) {
  return (
    <DsfrProviderBase {...props} defaultColorScheme={defaultColorScheme} Link={Link}>
      <StartDsfrOnHydration />
      {children}
    </DsfrProviderBase>
  );
}
