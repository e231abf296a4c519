"use client";

import { DsfrProviderBase, type DsfrProviderProps, StartDsfrOnHydration } from "@codegouvfr/react-dsfr/next-app-router";
import Link from "next/link";
import { useLayoutEffect, useState } from "react";
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
      <KeepColorScheme />
      {children}
    </DsfrProviderBase>
  );
}

const COLOR_SCHEME_ATTRIBUTES = ["data-fr-scheme", "data-fr-theme"] as const;

/**
 * A `notFound()` in a page makes Next.js answer with its error shell (`<html id="__next_error__">`)
 * that the browser renders in full. React then gives `<html>` the layout's attributes only, which
 * drops the colour scheme react-dsfr had just set there (the system's scheme, followed here): the
 * 404 page lost the dark theme, and react-dsfr threw on the change. This puts back, before the
 * browser tells react-dsfr of the change, what was there when the provider started. A hydrated
 * page keeps its attributes, and this does nothing.
 */
function KeepColorScheme() {
  const [started] = useState(() =>
    typeof document === "undefined"
      ? []
      : COLOR_SCHEME_ATTRIBUTES.map((name) => [name, document.documentElement.getAttribute(name)] as const),
  );
  useLayoutEffect(() => {
    for (const [name, value] of started)
      if (value !== null && !document.documentElement.hasAttribute(name)) document.documentElement.setAttribute(name, value);
  }, [started]);
  return null;
}
