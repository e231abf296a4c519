/** « de Marc Petit », « d'Hélène Marchand »: French elides « de » before a vowel or a mute h. */
export function ofName(name: string): string {
  return /^[aeiouyhàâäéèêëîïôöùûü]/i.test(name) ? `d'${name}` : `de ${name}`;
}
