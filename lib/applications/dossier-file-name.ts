import { dossierReference } from "./dossier-reference";

/** The PDFs made for one dossier. */
export type DossierFileKind = "accuse-de-reception" | "decision" | "declaration-resultats";

/**
 * The name of a PDF made for one dossier, as downloaded and as attached to e-mails: the
 * establishment's FINESS, then the dossier's reference, which tells apart one establishment's
 * dossiers of two waves and is the one its letters quote.
 */
export function dossierFileName(kind: DossierFileKind, dossier: { number: number; finess: string }): string {
  return `${kind}-${dossier.finess}-${dossierReference(dossier.number)}.pdf`;
}
