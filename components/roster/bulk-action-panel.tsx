"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useRef, useState } from "react";
import { ariaInvalid, errorState, quietMessages } from "@/components/forms/field-error";
import { giveFocus } from "@/components/forms/give-focus";
import { ApiError, callApi } from "@/lib/http/api-client";
import type { BulkOutcome, TBulkAction } from "@/lib/roster/bulk-actions";
import { formatCount } from "@/lib/format/numbers";
import { BULK_ACTION_LABELS } from "@/lib/roster/labels";

type Action = TBulkAction["action"];

/** The schema's name for the one date each action takes (lib/roster/bulk-actions.ts). */
const DATE_FIELD: Record<Action, string> = { ADD_MIE: "enrolledAt", MARK_REGISTERED: "checkedAt", END_ACTIVITY: "activityEnd" };

/** The action applied to the rows selected in the roster table, all or nothing. */
export function BulkActionPanel({
  establishmentId,
  selectedIds,
  mieOptions,
  today,
  onDone,
}: {
  establishmentId: string;
  selectedIds: string[];
  mieOptions: Array<{ value: string; label: string }>;
  today: string;
  onDone: (refused: BulkOutcome["refused"]) => void;
}) {
  const [action, setAction] = useState<Action>("ADD_MIE");
  const [mieType, setMieType] = useState(mieOptions[0]?.value ?? "");
  const [date, setDate] = useState(today);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ severity: "success" | "info" | "error"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const count = selectedIds.length;
  const dateError = fieldErrors[DATE_FIELD[action]];
  const typeError = fieldErrors.type;
  // « Appliquer » was disabled while the request ran, dropping the focus: the first refused field
  // takes it, which says its message, else the outcome does, read as it takes it.
  const typeSelect = useRef<HTMLSelectElement>(null);
  const dateInput = useRef<HTMLInputElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (pending) return;
    if (typeError) typeSelect.current?.focus();
    else if (dateError) dateInput.current?.focus();
    else if (result) giveFocus(outcome.current);
  }, [typeError, dateError, pending, result]);

  async function apply(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setResult(null);
    setFieldErrors({});
    const body =
      action === "ADD_MIE"
        ? { action, ids: selectedIds, type: mieType, enrolledAt: date }
        : action === "MARK_REGISTERED"
          ? { action, ids: selectedIds, checkedAt: date }
          : { action, ids: selectedIds, activityEnd: date };
    try {
      const outcome = await callApi<BulkOutcome>(`/api/establishments/${establishmentId}/roster/bulk`, "POST", body);
      if (outcome.refused.length > 0) {
        setResult({
          severity: "error",
          text: `Rien n'a été modifié : ${outcome.refused.length} professionnel${outcome.refused.length > 1 ? "s ne peuvent" : " ne peut"} pas recevoir cette action (voir le tableau).`,
        });
      } else {
        setResult(
          outcome.done === 0
            ? {
                severity: "info",
                text: `${BULK_ACTION_LABELS[action]} : rien à modifier, les professionnels sélectionnés avaient déjà ce MIE.`,
              }
            : {
                severity: "success",
                text: `${BULK_ACTION_LABELS[action]} : ${formatCount(outcome.done, "professionnel mis à jour", "professionnels mis à jour")}${outcome.unchanged > 0 ? ` (${formatCount(outcome.unchanged, "l'avait", "l'avaient")} déjà)` : ""}.`,
              },
        );
      }
      onDone(outcome.refused);
    } catch (caught) {
      if (caught instanceof ApiError) {
        // The date's and the MIE's problems are said on their fields; the others (the selection) here.
        const { [DATE_FIELD[action]]: _date, type: _type, ...others } = caught.fieldErrors;
        setFieldErrors(caught.fieldErrors);
        setResult({ severity: "error", text: [caught.message, ...Object.values(others).flat()].join(" ") });
      } else setResult({ severity: "error", text: "L'action n'a pas pu être appliquée." });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={apply}
      className={fr.cx("fr-p-2w", "fr-mb-2w")}
      style={{ background: "var(--background-alt-grey)" }}
      aria-label="Actions groupées"
    >
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <Select
            label="Action sur la sélection"
            nativeSelectProps={{ value: action, onChange: (event) => setAction(event.target.value as Action) }}
          >
            {Object.entries(BULK_ACTION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        {action === "ADD_MIE" ? (
          <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
            <Select
              ref={quietMessages}
              label="MIE"
              {...errorState(typeError)}
              nativeSelectProps={{
                ...ariaInvalid(typeError),
                ref: typeSelect,
                value: mieType,
                onChange: (event) => setMieType(event.target.value),
              }}
            >
              {mieOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </div>
        ) : null}
        <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
          <Input
            ref={quietMessages}
            label={
              action === "ADD_MIE"
                ? "Date d'enrôlement"
                : action === "MARK_REGISTERED"
                  ? "Vérifié dans le RPPS le"
                  : "Dernier jour d'activité"
            }
            {...errorState(dateError)}
            nativeInputProps={{
              ...ariaInvalid(dateError),
              ref: dateInput,
              type: "date",
              value: date,
              onChange: (event) => setDate(event.target.value),
              required: true,
            }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
          <Button type="submit" disabled={count === 0 || pending}>
            {pending ? "En cours…" : `Appliquer (${count})`}
          </Button>
        </div>
      </div>
      <p className={fr.cx("fr-hint-text", "fr-mb-0")}>
        {count === 0
          ? "Cochez des professionnels dans le tableau pour agir sur eux."
          : `${count} professionnel${count > 1 ? "s" : ""} sélectionné${count > 1 ? "s" : ""}.`}
      </p>
      <div ref={outcome}>
        {result ? (
          <Alert small severity={result.severity} description={result.text} className={fr.cx("fr-mt-2w")} role={undefined} />
        ) : null}
      </div>
    </form>
  );
}
