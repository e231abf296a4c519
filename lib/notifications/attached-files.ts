/**
 * The sentence that tells the reader of an e-mail which files came with an answer: most often the
 * proof that was asked for, which the reader would otherwise learn of only on the page. Nothing
 * when none came.
 */
export function attachedFilesLines(files: readonly string[]): string[] {
  if (files.length === 0) return [];
  const names = files.map((name) => `« ${name} »`).join(", ");
  return [
    files.length === 1
      ? `Sa réponse est accompagnée d'une pièce jointe : ${names}.`
      : `Sa réponse est accompagnée de ${files.length} pièces jointes : ${names}.`,
  ];
}
