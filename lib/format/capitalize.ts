/** The text with its first letter in capitals: a label that starts a sentence or a cell. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
