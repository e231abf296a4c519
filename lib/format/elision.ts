/** Before a vowel, an accented one or an h (taken as mute: the programme's words have no aspirated h). */
const ELIDING = /^[aeiouyhàâäéèêëîïôöùûü]/i;

/** « de Marc Petit », « d'Hélène Marchand »: French elides « de » before a vowel or a mute h. */
export function ofName(name: string): string {
  return ELIDING.test(name) ? `d'${name}` : `de ${name}`;
}

/** « en tant qu'instructeur ou instructrice », « en tant que membre »: « que » elides the same way. */
export function asRole(role: string): string {
  return ELIDING.test(role) ? `en tant qu'${role}` : `en tant que ${role}`;
}
