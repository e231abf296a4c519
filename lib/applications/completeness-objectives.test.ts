import { describe, expect, it } from "vitest";
import type { AssessmentStatus } from "@/lib/db/generated/enums";
import { listMissingAssessments, requiredWhen, type ObjectivePartRequired } from "./completeness-objectives";
import { ASSESSMENT_STATUS_LABELS } from "./labels";

const STATUSES = Object.keys(ASSESSMENT_STATUS_LABELS) as AssessmentStatus[];
const PARTS: ObjectivePartRequired[] = ["targetDate", "explanation", "evidence"];

describe("requiredWhen", () => {
  it("names, for each part of an objective, exactly the states in which the deposit needs it", () => {
    for (const required of [true, false]) {
      const objective = { id: "0198c1d2-0000-7000-8000-000000000001", code: "O1", required, position: 0 };
      for (const part of PARTS) {
        const hint = requiredWhen(part, required);
        for (const status of STATUSES) {
          const missing = listMissingAssessments({ [objective.id]: { status, targetDate: null, explanation: " " } }, [objective], {});
          const needed = missing.some((item) => item.field === `assessments.${objective.id}.${part}`);
          expect(hint.includes(`« ${ASSESSMENT_STATUS_LABELS[status]} »`), `${part}, ${status}, required: ${required}`).toBe(needed);
        }
      }
    }
  });

  it("says it in a sentence a director reads under the field", () => {
    expect(requiredWhen("targetDate", true)).toBe("Obligatoire si l'objectif est « prévu » ou « en cours ».");
    expect(requiredWhen("explanation", true)).toBe("Obligatoire si l'objectif est « atteint », « en cours » ou « non prévu ».");
    expect(requiredWhen("explanation", false)).toBe("Obligatoire si l'objectif est « atteint » ou « en cours ».");
    expect(requiredWhen("evidence", false)).toBe("Au moins une pièce est obligatoire si l'objectif est « atteint ».");
  });
});
