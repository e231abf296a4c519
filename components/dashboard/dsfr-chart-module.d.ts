/** `@gouvfr/dsfr-chart` ships no types: loading it only defines its custom elements (dsfr-chart.tsx). */
declare module "@gouvfr/dsfr-chart";
