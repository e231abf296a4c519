/** The PDFs made for one dossier. */
export type DossierFileKind = "accuse-de-reception" | "decision" | "declaration-resultats";

/**
 * The name of a PDF made for one dossier, as downloaded and as attached to e-mails: the
 * establishment's FINESS, then the end of the dossier's id, which tells apart one establishment's
 * dossiers of two waves. (The id's start is its creation time: dossiers created within the same
 * minute share it, and all the demo's did.)
 */
export function dossierFileName(kind: DossierFileKind, dossier: { id: string; finess: string }): string {
  return `${kind}-${dossier.finess}-${dossier.id.slice(-8)}.pdf`;
}
