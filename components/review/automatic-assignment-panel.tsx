"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { ariaInvalid, errorState, quietMessages } from "@/components/forms/field-error";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useFocusBack } from "@/components/forms/use-focus-back";
import { DataTable } from "@/components/dsfr/data-table";
import type { ReviewTier } from "@/lib/db/generated/enums";
import { ApiError, callApi } from "@/lib/http/api-client";
import type { AutomaticAssignmentPreview } from "@/lib/review/automatic-assignment";
import { formatCount } from "@/lib/format/numbers";
import { ofName } from "@/lib/format/elision";

const REASONS = {
  NOT_ENOUGH_ELIGIBLE: "Pas assez d'instructeurs possibles",
  CAPACITY: "Plafonds atteints",
} as const;

/**
 * Automatic assignment for one tier: caps (one for all, or per reviewer), a preview of who gets
 * what and of the dossiers left short (and why), then « Appliquer », which writes exactly the
 * previewed plan or refuses if things changed meanwhile.
 */
export function AutomaticAssignmentPanel({
  waveId,
  tier,
  reviewers,
  suggestedCap,
}: {
  waveId: string;
  tier: ReviewTier;
  reviewers: ReadonlyArray<{ id: string; name: string; load: number }>;
  suggestedCap: number;
}) {
  const router = useRouter();
  const [defaultCap, setDefaultCap] = useState(String(suggestedCap));
  const [caps, setCaps] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<AutomaticAssignmentPreview | null>(null);
  const [message, setMessage] = useState<{ severity: "success" | "error" | "info"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const focusBackTo = useFocusBack(busy);
  /** Where the focus goes once a plan is applied or refused: « Appliquer », cleared with the preview, is disabled then. */
  const previewButton = useRef<HTMLButtonElement>(null);
  /** The caps the last refusal named, marked invalid on their fields (the message names them too). */
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  const request = () => ({
    tier,
    defaultCap: Number(defaultCap),
    caps: Object.fromEntries(
      Object.entries(caps)
        .filter(([, value]) => value !== "")
        .map(([id, value]) => [id, Number(value)]),
    ),
  });

  /** A refusal says which cap is wrong and why (« Plafond d'Hélène Marchand : 0 au moins. »), not only that one is. */
  function refusalText(caught: unknown): string {
    if (!(caught instanceof ApiError) || Object.keys(caught.fieldErrors).length === 0) return (caught as Error).message;
    const label = (path: string) => {
      if (path === "defaultCap") return "Plafond de dossiers par instructeur";
      const reviewer = reviewers.find((candidate) => path === `caps.${candidate.id}`);
      return reviewer ? `Plafond ${ofName(reviewer.name)}` : caught.message;
    };
    return Object.entries(caught.fieldErrors)
      .map(([path, messages]) => `${label(path)} : ${messages.join(" ")}`)
      .join(" ");
  }

  async function run(kind: "preview" | "apply", button: HTMLButtonElement) {
    focusBackTo(kind === "apply" ? (previewButton.current ?? button) : button);
    setBusy(true);
    setMessage(null);
    setFieldErrors({});
    try {
      if (kind === "preview") {
        const result = await callApi<AutomaticAssignmentPreview>(`/api/waves/${waveId}/assignments/preview`, "POST", request());
        setPreview(result);
        setMessage({
          severity: "info",
          text: `Aperçu : ${formatCount(result.assignments.length, "attribution proposée", "attributions proposées")}, ${formatCount(result.shortfalls.length, "dossier resterait incomplet", "dossiers resteraient incomplets")}.`,
        });
      } else if (preview) {
        const result = await callApi<{ assigned: number; startedReview: number }>(`/api/waves/${waveId}/assignments/automatic`, "POST", {
          ...request(),
          fingerprint: preview.fingerprint,
        });
        setPreview(null);
        setMessage({
          severity: "success",
          text: `${formatCount(result.assigned, "attribution enregistrée", "attributions enregistrées")} ; ${formatCount(result.startedReview, "dossier passé", "dossiers passés")} en instruction.`,
        });
        router.refresh();
      }
    } catch (caught) {
      setMessage({ severity: "error", text: refusalText(caught) });
      if (caught instanceof ApiError) setFieldErrors(caught.fieldErrors);
      if (kind === "apply") setPreview(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <Input
            ref={quietMessages}
            label="Plafond de dossiers par instructeur"
            hintText="Dossiers au plus dans cette vague et ce niveau, ceux déjà attribués compris."
            {...errorState(fieldErrors.defaultCap)}
            nativeInputProps={{
              ...ariaInvalid(fieldErrors.defaultCap),
              type: "number",
              min: 1,
              value: defaultCap,
              onChange: (event) => {
                setDefaultCap(event.target.value);
                setPreview(null);
              },
            }}
          />
        </div>
      </div>
      <details className={fr.cx("fr-mb-2w")}>
        <summary>Plafonds par instructeur ({reviewers.length})</summary>
        <DataTable caption="Plafond de chaque instructeur" hideCaption small>
          <thead>
            <tr>
              <th scope="col">Instructeur</th>
              <th scope="col">Dossiers actuels</th>
              <th scope="col">Plafond</th>
            </tr>
          </thead>
          <tbody>
            {reviewers.map((reviewer) => (
              <tr key={reviewer.id}>
                <td>{reviewer.name}</td>
                <td>{reviewer.load}</td>
                <td>
                  <input
                    className={fr.cx("fr-input")}
                    type="number"
                    min={0}
                    aria-label={`Plafond ${ofName(reviewer.name)}`}
                    {...ariaInvalid(fieldErrors[`caps.${reviewer.id}`])}
                    placeholder={defaultCap}
                    value={caps[reviewer.id] ?? ""}
                    onChange={(event) => {
                      setCaps({ ...caps, [reviewer.id]: event.target.value });
                      setPreview(null);
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </details>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--icon-left")}>
        <li>
          <Button
            ref={previewButton}
            type="button"
            priority="secondary"
            disabled={busy}
            onClick={(event) => void run("preview", event.currentTarget)}
            iconId="fr-icon-eye-line"
          >
            Prévisualiser l&apos;attribution
          </Button>
        </li>
        <li>
          <Button
            type="button"
            disabled={busy || !preview || preview.assignments.length === 0}
            onClick={(event) => void run("apply", event.currentTarget)}
            iconId="fr-icon-check-line"
          >
            Appliquer cette attribution
          </Button>
        </li>
      </ul>
      {/* The status says the message: the alert inside takes no role of its own, which would say it again. */}
      <div aria-live="polite" role="status">
        {message ? (
          <Alert severity={message.severity} small description={message.text} className={fr.cx("fr-mb-2w")} role={undefined} />
        ) : null}
      </div>
      {preview ? (
        <>
          <DataTable caption="Charge des instructeurs avant et après l'attribution proposée" small>
            <thead>
              <tr>
                <th scope="col">Instructeur</th>
                <th scope="col">Avant</th>
                <th scope="col">Après</th>
                <th scope="col">Plafond</th>
                <th scope="col">Nouveaux dossiers</th>
              </tr>
            </thead>
            <tbody>
              {preview.reviewers.map((reviewer) => (
                <tr key={reviewer.id}>
                  <td>{reviewer.name}</td>
                  <td>{reviewer.before}</td>
                  <td>{reviewer.after}</td>
                  <td>{reviewer.cap}</td>
                  <td>
                    {preview.assignments
                      .filter((pair) => pair.reviewerId === reviewer.id)
                      .map((pair) => pair.establishment)
                      .join(", ") || "–"}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {preview.shortfalls.length > 0 ? (
            <DataTable caption={`Dossiers qui resteraient avec moins de ${formatCount(preview.k, "instructeur", "instructeurs")}`} small>
              <thead>
                <tr>
                  <th scope="col">Établissement</th>
                  <th scope="col">Manquants</th>
                  <th scope="col">Pourquoi</th>
                </tr>
              </thead>
              <tbody>
                {preview.shortfalls.map((shortfall) => (
                  <tr key={shortfall.dossierId}>
                    <td>{shortfall.establishment}</td>
                    <td>{shortfall.missing}</td>
                    <td>
                      {REASONS[shortfall.reason]} : {formatCount(shortfall.eligible, "instructeur possible", "instructeurs possibles")}
                      {shortfall.outsideRegion ? `, ${shortfall.outsideRegion} hors région` : ""}
                      {shortfall.flagged
                        ? `, ${formatCount(shortfall.flagged, "écarté", "écartés")} pour lien d'intérêts (${shortfall.flags.join(" ; ")})`
                        : ""}
                      {shortfall.excluded ? `, ${shortfall.excluded} ayant déclaré un conflit ou instruisant à l'autre niveau` : ""}.
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          ) : (
            <p>Tous les dossiers auraient {preview.k >= 2 ? `leurs ${preview.k} instructeurs` : "leur instructeur"}.</p>
          )}
        </>
      ) : null}
    </div>
  );
}
