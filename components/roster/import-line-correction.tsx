"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { ariaInvalid, errorState, quietMessages } from "@/components/forms/field-error";
import { focusPageHeading, giveFocus } from "@/components/forms/give-focus";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useFocusBack } from "@/components/forms/use-focus-back";
import { ApiError, callApi } from "@/lib/http/api-client";
import { TEMPLATE_CHOICES } from "@/lib/roster/template/choices";
import type { TemplateColumnKey } from "@/lib/roster/template/columns";
import { columnHint } from "@/lib/roster/template/guide";
import { capitalize } from "@/lib/format/capitalize";

/**
 * A rejected line's cells, editable under the file's own column names, each with the template
 * guide's help (format, whether a value is required), checked again on send. A
 * line with more values than columns shows the values in excess too, to be moved into the right
 * column and emptied: none is dropped unseen. Each problem with one cell is said under its field,
 * which is marked invalid (RGAA 11.10); a refused check gives the focus to the first such field.
 * The message about the line as a whole (a duplicate, dates that contradict each other) is said by
 * the form's live region, the focus back on the button, disabled while the line was checked: given
 * the focus too, it would be said twice.
 */
export function ImportLineCorrection({
  importPath,
  line,
  header,
  cells,
  cellMessages,
  columns,
  otherRejectedLines,
  rejectedHeadingId,
}: {
  importPath: string;
  line: number;
  header: string[];
  cells: string[];
  /** The line's problems with one cell, by the cell's index, as the file's reading found them. */
  cellMessages: Record<number, string[]>;
  /** The template's column of each header cell: a column that takes one value of a list is a choice. */
  columns: ReadonlyArray<TemplateColumnKey | null> | null;
  /** Rejected lines left once this one is accepted. */
  otherRejectedLines: number;
  /** The rejected lines' heading, which takes the focus when other lines are left. */
  rejectedHeadingId: string;
}) {
  const router = useRouter();
  const [values, setValues] = useState(() => (cells.length > header.length ? cells : header.map((_, index) => cells[index] ?? "")));
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string[] | null>(null);
  const [fieldMessages, setFieldMessages] = useState(cellMessages);
  const form = useRef<HTMLFormElement>(null);
  const focusBackTo = useFocusBack(pending);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    focusBackTo(document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null);
    setPending(true);
    setProblem(null);
    try {
      const result = await callApi<{ accepted: boolean; messages: string[]; cellMessages: Record<number, string[]> }>(
        `${importPath}/corrections`,
        "POST",
        { line, cells: values },
      );
      if (result.accepted) {
        // The line and its form leave the list: the next line to correct, or the preview's title
        // when none is left, takes the focus; the counts above are announced as they change.
        if (otherRejectedLines > 0) giveFocus(document.getElementById(rejectedHeadingId));
        else focusPageHeading();
        router.refresh();
      } else {
        const onFields = new Set(Object.values(result.cellMessages).flat());
        const aboutTheLine = result.messages.filter((message) => !onFields.has(message));
        setFieldMessages(result.cellMessages);
        setProblem(aboutTheLine.length > 0 ? aboutTheLine : ["La ligne n'est pas encore valide : corrigez les champs signalés."]);
        // Once the fields show their messages: the first field in error, unless the line as a whole is refused.
        if (aboutTheLine.length === 0)
          requestAnimationFrame(() => giveFocus(form.current?.querySelector<HTMLElement>("[aria-invalid=true]")));
      }
    } catch (caught) {
      setProblem([caught instanceof ApiError ? caught.message : "La correction n'a pas pu être enregistrée."]);
    } finally {
      setPending(false);
    }
  }

  return (
    <form ref={form} onSubmit={submit} aria-label={`Corriger la ligne ${line}`}>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        {values.map((value, index) => {
          const label = index < header.length ? header[index] || `Colonne ${index + 1}` : `Valeur en trop ${index - header.length + 1}`;
          const column = index < header.length ? columns?.[index] : null;
          const choices = column ? TEMPLATE_CHOICES[column] : undefined;
          // « salarié » is « Salarié » for the import: shown as that choice, not as a value to fix.
          const shown = choices?.find((choice) => choice.localeCompare(value.trim(), "fr", { sensitivity: "base" }) === 0) ?? value;
          const change = (text: string) => setValues((previous) => previous.map((cell, position) => (position === index ? text : cell)));
          const error = { ...errorState(fieldMessages[index]?.map(withoutLineNumber)) };
          return (
            <div key={index} className={fr.cx("fr-col-12", "fr-col-sm-6", "fr-col-md-3")}>
              {choices ? (
                <Select
                  ref={quietMessages}
                  label={label}
                  hint={column ? columnHint(column, { choices: true }) : undefined}
                  {...error}
                  nativeSelectProps={{
                    ...ariaInvalid(fieldMessages[index]),
                    value: shown,
                    onChange: (event) => change(event.target.value),
                  }}
                >
                  {/* The file's own value stays choosable until replaced: nothing is changed unseen. */}
                  {shown.trim() !== "" && !choices.includes(shown) ? (
                    <option value={shown}>{`« ${shown} » (valeur du fichier)`}</option>
                  ) : null}
                  <option value="">(vide)</option>
                  {choices.map((choice) => (
                    <option key={choice} value={choice}>
                      {choice}
                    </option>
                  ))}
                </Select>
              ) : (
                <Input
                  ref={quietMessages}
                  label={label}
                  hintText={
                    index >= header.length
                      ? "À reporter dans sa colonne, puis à vider"
                      : column
                        ? columnHint(column, { choices: false })
                        : undefined
                  }
                  {...error}
                  nativeInputProps={{ ...ariaInvalid(fieldMessages[index]), value, onChange: (event) => change(event.target.value) }}
                />
              )}
            </div>
          );
        })}
      </div>
      <SubmitResultAlert result={problem ? { severity: "error", text: problem.join(" ") } : null} className={fr.cx("fr-mb-2w")} />
      <Button type="submit" size="small" disabled={pending}>
        {pending ? "Vérification…" : `Vérifier la ligne ${line} corrigée`}
      </Button>
    </form>
  );
}

/** Under its field, a message need not repeat the line: « Ligne 4 : le numéro… » reads « Le numéro… ». */
function withoutLineNumber(message: string): string {
  const text = message.replace(/^Ligne \d+ : /, "");
  return capitalize(text);
}
