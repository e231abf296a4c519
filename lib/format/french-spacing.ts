/**
 * French typography: a no-break space before « : », « ; », « ? », « ! » and « » », and after « «
 * (where an ordinary space stands), so that no line break leaves the sign alone at the start of a
 * line. What the PDFs print and what the e-mails carry, subject and text (lib/notifications/outbox.ts).
 */
export function frenchSpacing(text: string): string {
  return text.replace(/ ([:;?!»])/g, "\u00a0$1").replace(/« /g, "«\u00a0");
}
