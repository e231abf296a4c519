declare module "@socialgouv/jours-feries" {
  /** France's public holidays of a year, by name, as local midnights. */
  export default function joursFeries(year: number, options?: { alsace?: boolean }): Record<string, Date>;
}
