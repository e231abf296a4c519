import type { z } from "zod";
import { toParisLocal } from "@/lib/time/paris";
import { formatEnvelopeInput } from "./envelope";
import type { WaveConfiguration } from "./get-wave-configuration";
import { DEFAULT_CRITERIA, DEFAULT_CRITERION_OBJECTIVES, DEFAULT_OBJECTIVES } from "./programme-defaults";
import type { ZCreateWaveInput, ZWaveGridInput, ZWaveSettingsInput } from "./schemas";

/** The forms' starting values, as the fields show them (Paris wall-clock times, whole euros). */

export function waveSettingsFormValues(wave: WaveConfiguration): z.input<typeof ZWaveSettingsInput> {
  return {
    kind: wave.kind,
    title: wave.title,
    year: String(wave.year),
    opensAt: toParisLocal(wave.opensAt),
    closesAt: toParisLocal(wave.closesAt),
    fundingEnvelope: formatEnvelopeInput(wave.fundingEnvelopeCents),
    eligibleCategoryCodes: wave.eligibleCategoryCodes,
  };
}

export function waveGridFormValues(wave: WaveConfiguration): z.input<typeof ZWaveGridInput> {
  return { objectives: wave.currentVersion.objectives, criteria: wave.currentVersion.criteria };
}

/** A new wave starts from the programme's objectives and grid; dates and eligibility are the manager's to choose. */
export function newWaveFormValues(): z.input<typeof ZCreateWaveInput> {
  return {
    kind: "GENERALISATION",
    title: "",
    year: "",
    opensAt: "",
    closesAt: "",
    fundingEnvelope: "",
    eligibleCategoryCodes: [],
    objectives: DEFAULT_OBJECTIVES.map((objective) => ({ ...objective })),
    criteria: DEFAULT_CRITERIA.map((criterion) => ({
      ...criterion,
      objectiveCodes: [...(DEFAULT_CRITERION_OBJECTIVES[criterion.code] ?? [])],
    })),
  };
}
