import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * A FINESS number is a site's (ET) or a legal entity's (EJ), never both (docs/domain/identifiers.md).
 * Refuses, naming the establishment registered with it, an ET that is another establishment's EJ (the
 * legal entity registered as a site, so twice) and an EJ that is another establishment's ET. Sites
 * of one legal entity share its EJ.
 */
export async function refuseFinessOfTheOtherKind(input: { finessEt: string; finessEj: string; establishmentId?: string }): Promise<void> {
  const others = input.establishmentId ? { id: { not: input.establishmentId } } : {};
  const [withEtAsEj, withEjAsEt] = await Promise.all([
    db.establishment.findFirst({ where: { ...others, finessEj: input.finessEt }, orderBy: { name: "asc" }, select: { name: true } }),
    db.establishment.findFirst({ where: { ...others, finessEt: input.finessEj }, select: { name: true } }),
  ]);
  const fieldErrors: Record<string, string[]> = {};
  if (withEtAsEj)
    fieldErrors.finessEt = [
      `Le numéro FINESS ${input.finessEt} est celui de l'entité juridique (EJ) de l'établissement « ${withEtAsEj.name} », déjà inscrit : saisissez ici le numéro FINESS du site (ET).`,
    ];
  if (withEjAsEt)
    fieldErrors.finessEj = [
      `Le numéro FINESS ${input.finessEj} est celui de l'établissement (ET) « ${withEjAsEt.name} », déjà inscrit : saisissez ici le numéro FINESS de l'entité juridique (EJ).`,
    ];
  const first = fieldErrors.finessEt ?? fieldErrors.finessEj;
  if (first) throw new AppError("CONFLICT", first[0], { fieldErrors });
}
