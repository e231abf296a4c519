"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { ariaInvalid, errorState, quietMessages } from "@/components/forms/field-error";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useFocusAfterRender } from "@/components/forms/use-focus-after-render";
import { useFocusBack } from "@/components/forms/use-focus-back";
import { useFollowUpAnnouncer } from "@/components/review/follow-up-announcer";
import type { ReviewTier } from "@/lib/db/generated/enums";
import { ApiError, callApi } from "@/lib/http/api-client";
import { formatCount } from "@/lib/format/numbers";
import { ofName } from "@/lib/format/elision";

type Candidate = { id: string; name: string; load: number; flags: string[] };

/** The select of a row of the table, the one after `row` first, else the one before. */
function neighbourSelect(row: Element | null): HTMLSelectElement | null {
  for (let next = row?.nextElementSibling; next; next = next.nextElementSibling) {
    const select = next.querySelector("select");
    if (select) return select;
  }
  for (let previous = row?.previousElementSibling; previous; previous = previous.previousElementSibling) {
    const select = previous.querySelector("select");
    if (select) return select;
  }
  return null;
}

/**
 * Adds one reviewer to one dossier: the list shows each candidate's load and the links of
 * interests detected; a flagged choice asks for the reason of the override. The outcome is said
 * by the table's announcer (FollowUpAnnouncer), which outlives the row: a dossier given its last
 * missing reviewer leaves the list « à compléter » with the refresh, and the focus its button had
 * goes to the next row's select (or the previous one's), else to the section's heading (RGAA 12.8).
 */
export function ManualAssignmentForm({
  waveId,
  tier,
  applicationId,
  establishment,
  candidates,
}: {
  waveId: string;
  tier: ReviewTier;
  applicationId: string;
  establishment: string;
  candidates: readonly Candidate[];
}) {
  const router = useRouter();
  const [reviewerId, setReviewerId] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ reviewerId?: string; overrideReason?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const focusBackTo = useFocusBack(busy);
  const announce = useFollowUpAnnouncer();
  const formRef = useRef<HTMLFormElement>(null);
  /** Where the focus goes if the refresh takes this form away, set when an assignment succeeds. */
  const fallback = useRef<{ select: HTMLSelectElement | null } | null>(null);
  const chosen = candidates.find((candidate) => candidate.id === reviewerId);
  // A field in error takes the focus once its message is on the page, as in the app's other forms.
  const select = useRef<HTMLSelectElement>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const invalidField = useRef<HTMLElement | null>(null);
  const focusInvalidField = useFocusAfterRender(invalidField);
  function refuse(next: typeof errors) {
    setErrors(next);
    invalidField.current = next.reviewerId ? select.current : next.overrideReason ? reasonField.current : null;
    if (invalidField.current) focusInvalidField();
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setErrors({});
    if (!reviewerId) return refuse({ reviewerId: "Choisissez un instructeur." });
    focusBackTo(document.activeElement instanceof HTMLElement ? document.activeElement : null);
    setBusy(true);
    try {
      await callApi(`/api/waves/${waveId}/assignments`, "POST", { tier, applicationId, reviewerId, overrideReason: reason });
      fallback.current = { select: neighbourSelect(formRef.current?.closest("tr") ?? null) };
      announce(`${chosen?.name ?? "L'instructeur"} attribué au dossier « ${establishment} ».`);
      setReviewerId("");
      setReason("");
      router.refresh();
    } catch (caught) {
      if (caught instanceof ApiError && Object.keys(caught.fieldErrors).length > 0) {
        refuse({ reviewerId: caught.fieldErrors.reviewerId?.join(" "), overrideReason: caught.fieldErrors.overrideReason?.join(" ") });
      } else setErrors({ form: (caught as Error).message });
    } finally {
      setBusy(false);
    }
  }

  // After the refresh: the form gone (its row left the list) or left without candidates, the focus
  // its button had is on the page's body.
  useEffect(() => {
    const giveFocusOn = () => {
      const target = fallback.current;
      fallback.current = null;
      if (!target || (document.activeElement !== document.body && document.activeElement !== null)) return;
      if (target.select?.isConnected) target.select.focus();
      else announce(null, { focusHeading: true });
    };
    return giveFocusOn;
  }, [candidates, announce]);

  if (candidates.length === 0) return <p className={fr.cx("fr-text--sm", "fr-mb-0")}>Aucun autre instructeur possible.</p>;
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={`Attribuer le dossier ${ofName(establishment)}`}>
      <Select
        ref={quietMessages}
        label={<span className={fr.cx("fr-text--sm")}>Ajouter un instructeur</span>}
        {...errorState(errors.reviewerId)}
        nativeSelectProps={{
          ...ariaInvalid(errors.reviewerId),
          ref: select,
          value: reviewerId,
          onChange: (event) => setReviewerId(event.target.value),
        }}
      >
        <option value="">Choisir</option>
        {candidates.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name} – {formatCount(candidate.load, "dossier", "dossiers")}
            {candidate.flags.length > 0 ? ` – ⚠ ${candidate.flags.join(" ; ")}` : ""}
          </option>
        ))}
      </Select>
      {chosen && chosen.flags.length > 0 ? (
        <Input
          ref={quietMessages}
          textArea
          label="Motif de la dérogation (obligatoire)"
          hintText={`Lien d'intérêts détecté : ${chosen.flags.join(" ; ")}.`}
          {...errorState(errors.overrideReason)}
          nativeTextAreaProps={{
            ...ariaInvalid(errors.overrideReason),
            ref: reasonField,
            rows: 2,
            value: reason,
            maxLength: 1000,
            onChange: (event) => setReason(event.target.value),
          }}
        />
      ) : null}
      {errors.form ? (
        <p className={fr.cx("fr-error-text")} role="alert">
          {errors.form}
        </p>
      ) : null}
      <Button type="submit" size="small" priority="secondary" disabled={busy}>
        Attribuer
      </Button>
    </form>
  );
}
