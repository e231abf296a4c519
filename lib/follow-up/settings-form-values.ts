import { dayToIsoDate, toDay } from "@/lib/roster/dates";
import type { TargetSetting } from "./targets";
import type { ZFollowUpSettingsInput } from "./settings-schema";
import type { z } from "zod";

/** The follow-up form's values from the wave as stored: percentages as text, dates as `AAAA-MM-JJ`. */
export function followUpFormValues(wave: {
  version: number;
  advanceSharePercent: number | null;
  objectiveTargets: ReadonlyArray<{
    objectiveCode: string;
    indicator: TargetSetting["indicator"];
    thresholdPercent: number;
    dueDate: Date;
  }>;
}): z.input<typeof ZFollowUpSettingsInput> {
  return {
    advanceSharePercent: wave.advanceSharePercent === null ? "" : String(wave.advanceSharePercent),
    targets: wave.objectiveTargets.map((target) => ({
      objectiveCode: target.objectiveCode,
      indicator: target.indicator,
      thresholdPercent: String(target.thresholdPercent),
      dueDate: dayToIsoDate(toDay(target.dueDate)),
    })),
    expectedVersion: wave.version,
  };
}
