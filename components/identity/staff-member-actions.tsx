"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import type { StaffRole } from "@/lib/db/generated/enums";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFocusBack } from "@/components/forms/use-focus-back";
import { callApi } from "@/lib/http/api-client";
import { ofName } from "@/lib/format/elision";
import { STAFF_ROLE_LABELS } from "@/lib/identity/staff-role-labels";

type Props = { userId: string; name: string; staffRole: StaffRole; disabled: boolean };

/**
 * Role change and (de)activation of one ANS account. Giving or taking away the programme's rights
 * and closing an account are confirmed first; what was done is said beside the buttons, and the
 * button used gets the focus back (it was disabled while the change was sent).
 */
export function StaffMemberActions({ userId, name, staffRole, disabled }: Props) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<{ error: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const focusBackTo = useFocusBack(pending);

  async function update(button: HTMLButtonElement, change: Record<string, unknown>, question: string | null, done: string) {
    if (question && !window.confirm(question)) return;
    focusBackTo(button);
    setPending(true);
    setOutcome(null);
    try {
      await callApi(`/api/users/${userId}`, "PATCH", change);
      setOutcome({ error: false, text: done });
      router.refresh();
    } catch (caught) {
      setOutcome({ error: true, text: (caught as Error).message });
    } finally {
      setPending(false);
    }
  }

  // An ARS reviewer's role and regions are set on their reviewer profile.
  const otherRole = staffRole === "PROGRAMME_MANAGER" ? "REVIEWER" : "PROGRAMME_MANAGER";
  return (
    <>
      <Button
        size="small"
        priority="secondary"
        disabled={pending}
        onClick={(event) =>
          update(
            event.currentTarget,
            { staffRole: otherRole },
            otherRole === "PROGRAMME_MANAGER"
              ? `Donner à ${name} les droits de chargé ou chargée de programme ? Ce rôle configure les vagues, attribue les dossiers, décide et voit tout le programme.`
              : `Retirer à ${name} les droits de chargé ou chargée de programme ? Ce compte ne pourra plus configurer les vagues, attribuer les dossiers ni décider ; il gardera l'instruction des dossiers qui lui sont attribués.`,
            `${name} est désormais ${STAFF_ROLE_LABELS[otherRole]}.`,
          )
        }
      >
        {otherRole === "REVIEWER" ? "Passer instructeur" : "Passer chargé de programme"}
        <span className="fr-sr-only"> : {name}</span>
      </Button>{" "}
      <Button
        size="small"
        priority="tertiary"
        disabled={pending}
        onClick={(event) =>
          update(
            event.currentTarget,
            { disabled: !disabled },
            disabled
              ? null
              : `Désactiver le compte ${ofName(name)} ? Ses sessions sont fermées et ce compte ne pourra plus servir à se connecter.`,
            `Compte ${ofName(name)} ${disabled ? "réactivé" : "désactivé"}.`,
          )
        }
      >
        {disabled ? "Réactiver" : "Désactiver"}
        <span className="fr-sr-only"> le compte {ofName(name)}</span>
      </Button>
      <p className={outcome ? (outcome.error ? "fr-error-text" : "fr-valid-text") : undefined} role="status">
        {outcome?.text}
      </p>
    </>
  );
}
