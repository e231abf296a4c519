"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { ApiError, callApi } from "@/lib/http/api-client";
import { mergeSection, withValuesAt } from "./merge-values";

/**
 * Autosave of a dossier section, so that no keystroke is lost:
 * - saves a moment after typing stops (and on demand), showing saving / saved at hh:mm / failed;
 * - keeps every change in this browser's storage until the server has it: a failed save, a closed
 *   tab or an expired session loses nothing, and the text is offered back on the next visit;
 * - optimistic concurrency: the server refuses a save on top of another member's; changes to
 *   different fields are then merged and saved, and for a field both changed the form shows both
 *   versions and lets the person choose: nothing is overwritten silently. Until they choose, nothing
 *   is saved (neither the pause after typing nor « Enregistrer maintenant ») and the local backup
 *   keeps their version of those fields.
 */
export type SaveState =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  /** « Enregistrer maintenant » with nothing new: said, or the button would seem to do nothing. */
  | { kind: "unchanged"; at: string | null }
  | { kind: "invalid"; message: string }
  /** `retry` false: the dossier can no longer change (withdrawn, decided…), so trying again is not offered. */
  | { kind: "failed"; message: string; retry: boolean }
  | { kind: "session-expired" }
  | {
      kind: "conflict";
      theirs: { version: number; updatedAt: string; updatedBy: string | null; values: FieldValues };
      /** Fields both changed differently; everything else of both versions is already merged. */
      overlaps: string[];
      mine: FieldValues;
    };

type Backup = { values: FieldValues; baseVersion: number; at: string };
type Theirs = Extract<SaveState, { kind: "conflict" }>["theirs"];

/** Before a step that needs the sheet saved (a transmission): the version saved, or why there is none. */
export type Settled = { ok: true; version: number } | { ok: false; reason: "conflict" | "unsaved" };

const DELAY_MS = 1200;

export function useAutosave<T extends FieldValues>({
  form,
  url,
  storageKey,
  initialVersion,
  disabled,
}: {
  form: UseFormReturn<T>;
  url: string;
  storageKey: string;
  initialVersion: number;
  disabled: boolean;
}) {
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [restorable, setRestorable] = useState<Backup | null>(null);
  /**
   * Someone else's save was merged with ours: said once, until the next merge or conflict. `own`:
   * this page had changes of its own to merge; without, it merely shows the newer version.
   */
  const [mergedWith, setMergedWith] = useState<{ at: string; by: string | null; own: boolean } | null>(null);
  const version = useRef(initialVersion);
  const lastSaved = useRef(JSON.stringify(form.getValues()));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The save under way: a save asked meanwhile waits for it, then sends what is left (so a caller can await « all saved »). */
  const running = useRef<Promise<void> | null>(null);
  /** A conflict awaiting the person's choice: their version of the fields both changed. Nothing is saved meanwhile. */
  const openConflict = useRef<{ mine: FieldValues; overlaps: string[] } | null>(null);

  /** Another save came first: merge with it, or open the choice for the fields both changed. */
  const receive = useCallback(
    (theirs: Theirs): "merged" | "conflict" => {
      const mine = form.getValues();
      const own = JSON.stringify(mine) !== lastSaved.current;
      const { merged, overlaps } = mergeSection(JSON.parse(lastSaved.current), mine, theirs.values);
      version.current = theirs.version;
      lastSaved.current = JSON.stringify(theirs.values);
      // Opened before the reset, whose change must neither start a save nor replace the backup of mine.
      if (overlaps.length > 0) openConflict.current = { mine, overlaps };
      form.reset(merged as T, { keepDefaultValues: true });
      if (overlaps.length === 0) {
        setMergedWith({ at: theirs.updatedAt, by: theirs.updatedBy, own });
        return "merged";
      }
      setState({ kind: "conflict", theirs, overlaps, mine });
      return "conflict";
    },
    [form],
  );

  const save = useCallback(async () => {
    if (disabled) return;
    while (running.current) await running.current;
    if (openConflict.current) return;
    /** One PUT; "merged" when a concurrent save was merged in and the result must be sent again. */
    const attempt = async (): Promise<"done" | "merged"> => {
      const values = form.getValues();
      const serialized = JSON.stringify(values);
      if (serialized === lastSaved.current) {
        setState((previous) => (previous.kind === "dirty" ? { kind: "idle" } : previous));
        return "done";
      }
      setState({ kind: "saving" });
      try {
        const result = await callApi<{ version: number; savedAt: string }>(url, "PUT", { expectedVersion: version.current, data: values });
        version.current = result.version;
        lastSaved.current = serialized;
        window.localStorage.removeItem(storageKey);
        form.clearErrors();
        setState({ kind: "saved", at: result.savedAt });
        return "done";
      } catch (error) {
        if (error instanceof ApiError && error.code === "CONFLICT" && error.details.conflict) {
          if (receive(error.details.conflict as Theirs) === "merged") return "merged";
        } else if (error instanceof ApiError && error.status === 401) {
          setState({ kind: "session-expired" });
        } else if (error instanceof ApiError && error.code === "INVALID_INPUT") {
          // The form's values travel as the request's `data`.
          applyServerErrors(form.setError, error, "data");
          setState({ kind: "invalid", message: error.message });
        } else {
          setState({
            kind: "failed",
            message: (error as Error).message,
            retry: !(error instanceof ApiError && error.code === "INVALID_STATE"),
          });
        }
        return "done";
      }
    };
    const run = (async () => {
      // A merge is sent once more; a third concurrent writer in between gets the choice.
      for (let round = 0; round < 3 && (await attempt()) === "merged"; round++);
    })();
    running.current = run;
    try {
      await run;
    } finally {
      if (running.current === run) running.current = null;
    }
  }, [disabled, form, receive, storageKey, url]);

  // Every change: kept locally at once, sent to the server after a pause.
  useEffect(() => {
    if (disabled) return;
    const subscription = form.watch((values) => {
      const serialized = JSON.stringify(values);
      if (serialized === lastSaved.current) return;
      // While the person chooses, the backup keeps their version of the fields both changed.
      const conflict = openConflict.current;
      const kept = conflict ? withValuesAt(values, conflict.mine, conflict.overlaps) : values;
      const backup: Backup = { values: kept, baseVersion: version.current, at: new Date().toISOString() };
      window.localStorage.setItem(storageKey, JSON.stringify(backup));
      setState((previous) => (previous.kind === "conflict" || previous.kind === "session-expired" ? previous : { kind: "dirty" }));
      if (timer.current) clearTimeout(timer.current);
      if (conflict) return;
      timer.current = setTimeout(() => void save(), DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [disabled, form, save, storageKey]);

  // A backup left by an earlier visit (a save that never reached the server).
  useEffect(() => {
    if (disabled) return;
    const stored = window.localStorage.getItem(storageKey);
    if (!stored) return;
    const backup = JSON.parse(stored) as Backup;
    if (JSON.stringify(backup.values) !== lastSaved.current) setRestorable(backup);
    else window.localStorage.removeItem(storageKey);
  }, [disabled, storageKey]);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (JSON.stringify(form.getValues()) !== lastSaved.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [form]);

  return {
    state,
    mergedWith,
    save,
    /** « Enregistrer maintenant »: saves what changed, or says that everything already is. */
    async saveNow() {
      if (!disabled && !running.current && JSON.stringify(form.getValues()) === lastSaved.current) {
        setState((previous) =>
          previous.kind === "saved" || previous.kind === "unchanged" || previous.kind === "idle" || previous.kind === "dirty"
            ? { kind: "unchanged", at: previous.kind === "saved" || previous.kind === "unchanged" ? previous.at : null }
            : previous,
        );
        return;
      }
      await save();
    },
    /**
     * Saves what is left, for a step that needs everything saved (a transmission): the version the
     * server holds, or why there is none (a conflict awaiting the choice, a failed save), said by the status.
     */
    async settle(): Promise<Settled> {
      if (timer.current) clearTimeout(timer.current);
      await save();
      if (openConflict.current) return { ok: false, reason: "conflict" };
      if (JSON.stringify(form.getValues()) !== lastSaved.current) return { ok: false, reason: "unsaved" };
      return { ok: true, version: version.current };
    },
    /**
     * A step refused because the sheet was saved elsewhere meanwhile (its CONFLICT): merged or
     * offered as a choice, which the caller's message tells apart; false for any other refusal.
     */
    receiveConflict(error: unknown): "merged" | "conflict" | false {
      if (!(error instanceof ApiError && error.code === "CONFLICT" && error.details.conflict) || openConflict.current) return false;
      const received = receive(error.details.conflict as Theirs);
      if (received === "merged") void save();
      return received;
    },
    restorable,
    restore() {
      if (!restorable) return;
      form.reset(restorable.values as T, { keepDefaultValues: true });
      setRestorable(null);
      void save();
    },
    discardBackup() {
      window.localStorage.removeItem(storageKey);
      setRestorable(null);
    },
    /** Conflict: on the fields both changed, keep the other member's values (the rest stays merged). */
    takeTheirs() {
      if (state.kind !== "conflict") return;
      openConflict.current = null;
      if (JSON.stringify(form.getValues()) === lastSaved.current) {
        window.localStorage.removeItem(storageKey);
        setState({ kind: "saved", at: state.theirs.updatedAt });
      } else {
        void save();
      }
    },
    /** Conflict: on the fields both changed, keep mine, knowingly. */
    keepMine() {
      if (state.kind !== "conflict") return;
      openConflict.current = null;
      form.reset(withValuesAt(form.getValues(), state.mine, state.overlaps) as T, { keepDefaultValues: true });
      void save();
    },
  };
}
