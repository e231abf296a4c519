/**
 * A field in error, for react-dsfr's fields. `errorState` shows the message under the field and
 * react-dsfr ties it to the control (aria-describedby); react-dsfr never marks the control itself
 * invalid, so `ariaInvalid`, spread into the field's native props, does (RGAA 11.10, WCAG 3.3.1:
 * a screen reader says « invalide » on the field, not only when it reads on to the message).
 */
type Message = string | readonly string[] | null | undefined;

const text = (message: Message) => (typeof message === "string" ? message : message?.join(" ")) || undefined;

export function errorState(message: Message) {
  const shown = text(message);
  return shown ? { state: "error" as const, stateRelatedMessage: shown } : {};
}

export function ariaInvalid(message: Message) {
  return text(message) ? { "aria-invalid": true as const } : {};
}

/**
 * react-dsfr makes a field's message group a live region (aria-live « polite »): a field in error
 * after a submission would be said by it, then again when the focus lands on the field, which reads
 * the message tied to it (aria-describedby). The field says its error once, on the focus (RGAA 11.10);
 * this, as a ref on a text field's or a select's root, takes the live region off. React never sets
 * the attribute again: its value never changes. A group of radios or checkboxes needs
 * `useQuietGroupMessages` (fields.tsx) instead.
 */
export function quietMessages(root: Element | null): void {
  root?.querySelector(":scope > .fr-messages-group[aria-live]")?.removeAttribute("aria-live");
}
