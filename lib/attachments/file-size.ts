/** « 10 Mo », « 2,5 Mo », « 300 Ko »: sizes as French interfaces write them (1 Mo = 1 024 Ko). */
const oneDecimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${oneDecimal.format(bytes / (1024 * 1024))}\u00a0Mo`;
  if (bytes >= 1024) return `${oneDecimal.format(bytes / 1024)}\u00a0Ko`;
  return `${bytes}\u00a0octets`;
}
