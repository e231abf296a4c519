"use client";

import { Input } from "@codegouvfr/react-dsfr/Input";
import { ariaInvalid, errorState, quietMessages } from "@/components/forms/field-error";

/**
 * The projection's target date, in the compliance section's GET form: a client component for the
 * ref that takes react-dsfr's live region off (`quietMessages`), which a server component cannot
 * give. A refused date is said by the field, once, as the focus reaches it.
 */
export function ProjectionTargetField({ target, min, error }: { target: string; min: string; error: string | null }) {
  return (
    <Input
      ref={quietMessages}
      label="Date cible"
      hintText="Format attendu : JJ/MM/AAAA"
      {...errorState(error)}
      nativeInputProps={{
        ...ariaInvalid(error),
        type: "date",
        name: "cible",
        defaultValue: target,
        min,
      }}
    />
  );
}
