"use client";

import { Alert, type AlertProps } from "@codegouvfr/react-dsfr/Alert";

/**
 * A DSFR alert without a role of its own, for a server component's place given the focus or live
 * region, which says it already. A server component's `role={undefined}` never reaches react-dsfr
 * (an undefined prop is dropped on its way to the browser), which then gives the alert its default
 * role, alert or status, and a screen reader says it twice.
 */
export function QuietAlert(props: Omit<AlertProps, "role">) {
  return <Alert {...(props as AlertProps)} role={undefined} />;
}
