"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, callApi } from "@/lib/http/api-client";
import { formatNumericCalendarDate } from "@/lib/time/paris";

type Homologation = { type: string; label: string; decidedAt: string; reference: string };

/** The establishment's homologations of local MIE, and the form to record one. */
export function HomologationPanel({
  establishmentId,
  homologations,
  options,
  canEdit,
  today,
}: {
  establishmentId: string;
  homologations: Homologation[];
  options: Array<{ value: string; label: string }>;
  canEdit: boolean;
  today: string;
}) {
  const router = useRouter();
  const [type, setType] = useState(options[0]?.value ?? "");
  const [decidedAt, setDecidedAt] = useState(today);
  const [reference, setReference] = useState("");
  const [result, setResult] = useState<{ severity: "success" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const path = `/api/establishments/${establishmentId}/roster/homologations`;

  async function send(method: "PUT" | "DELETE", body: unknown, success: string) {
    setPending(true);
    setResult(null);
    try {
      await callApi(path, method, body);
      setResult({ severity: "success", text: success });
      router.refresh();
    } catch (caught) {
      const text =
        caught instanceof ApiError
          ? [caught.message, ...Object.values(caught.fieldErrors).flat()].join(" ")
          : "L'enregistrement n'a pas abouti.";
      setResult({ severity: "error", text });
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      {homologations.length === 0 ? (
        <p>
          Aucun MIE local n&apos;est homologué : seuls les MIE de l&apos;État (CPS, e-CPS, clé FIDO2 enrôlée dans Pro Santé Connect…)
          comptent.
        </p>
      ) : (
        <ul>
          {homologations.map((homologation) => (
            <li key={homologation.type} className={fr.cx("fr-mb-1w")}>
              {homologation.label} : homologué le {formatNumericCalendarDate(homologation.decidedAt)}
              {homologation.reference ? ` (${homologation.reference})` : ""}{" "}
              {canEdit ? (
                <Button
                  size="small"
                  priority="tertiary"
                  disabled={pending}
                  onClick={() => send("DELETE", { type: homologation.type }, `Homologation retirée : ${homologation.label}.`)}
                >
                  Retirer l&apos;homologation {homologation.label}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form
          aria-label="Enregistrer une homologation"
          onSubmit={(event) => {
            event.preventDefault();
            void send("PUT", { type, decidedAt, reference }, "Homologation enregistrée : les indicateurs en tiennent compte.");
          }}
          className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")}
        >
          <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
            <Select label="MIE local" nativeSelectProps={{ value: type, onChange: (event) => setType(event.target.value) }}>
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
            <Input
              label="Date de la décision"
              nativeInputProps={{ type: "date", value: decidedAt, onChange: (event) => setDecidedAt(event.target.value) }}
            />
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
            <Input
              label="Référence (facultatif)"
              nativeInputProps={{ value: reference, onChange: (event) => setReference(event.target.value), maxLength: 200 }}
            />
          </div>
          {/* On a line of its own: beside the fields, a column too narrow for it at 200 % text size made the page scroll sideways. */}
          <div className={fr.cx("fr-col-12")}>
            <Button type="submit" disabled={pending}>
              Enregistrer
            </Button>
          </div>
        </form>
      ) : null}
      <div aria-live="polite">
        {result ? <Alert small severity={result.severity} description={result.text} className={fr.cx("fr-mt-2w")} /> : null}
      </div>
    </>
  );
}
