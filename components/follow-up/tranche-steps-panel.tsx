"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useRef, useState } from "react";
import { giveFocus } from "@/components/forms/give-focus";
import { TRANCHE_STEPS, type TrancheStep } from "@/lib/follow-up/tranche-steps";
import { TrancheStepForm } from "./tranche-step-form";

/**
 * A tranche's next payment steps. A recorded step's form gives way to the next step's once the
 * page refreshes: what was done is said here, above them, where it outlives that form, and takes
 * the focus that the form's button had.
 */
export function TrancheStepsPanel({ trancheId, steps, today }: { trancheId: string; steps: TrancheStep[]; today: string }) {
  const [done, setDone] = useState("");
  const outcome = useRef<HTMLDivElement>(null);
  return (
    <>
      <div ref={outcome}>
        {done ? <Alert severity="success" small description={done} className={fr.cx("fr-mb-3w")} role={undefined} /> : null}
      </div>
      {steps.map((step) => (
        <section key={step} aria-labelledby={`etape-${step}`}>
          <h2 id={`etape-${step}`} className={fr.cx("fr-h4")}>
            {TRANCHE_STEPS[step].label}
          </h2>
          <TrancheStepForm
            trancheId={trancheId}
            step={step}
            today={today}
            onDone={(text) => {
              setDone(text);
              giveFocus(outcome.current);
            }}
          />
        </section>
      ))}
    </>
  );
}
