import type { FormSection } from "@/lib/db/generated/enums";

/**
 * Ids of the places in the dossier form that a problem links to (`href="#field-partners-1-name"`).
 * The form builds its element ids with the same functions, so a link never dangles:
 *
 * - `sectionAnchor("MIE_STRATEGY")` → `section-mie-strategy` (the section's heading)
 * - `fieldAnchor("partners.1.name")` → `field-partners-1-name` (a field, by its form path)
 * - `objectiveAnchor("O1")` → `objective-O1`; `objectiveAnchor("O1", "targetDate")` →
 *   `objective-O1-targetDate` (an objective's block in the self-assessment, and its fields)
 *
 * Ids keep to letters, digits, `-` and `_`: safe in a URL fragment and in a CSS selector.
 */
export type ObjectivePart = "status" | "targetDate" | "explanation" | "evidence";

function safe(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, "_");
}

export function sectionAnchor(section: FormSection): string {
  return `section-${section.toLowerCase().replaceAll("_", "-")}`;
}

export function fieldAnchor(path: string): string {
  return `field-${safe(path.replaceAll(".", "-"))}`;
}

export function objectiveAnchor(code: string, part?: ObjectivePart): string {
  return `objective-${safe(code)}${part ? `-${part}` : ""}`;
}
