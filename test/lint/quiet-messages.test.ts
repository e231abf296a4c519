import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/** The `fields/quiet-messages` rule of eslint.config.mjs, run through ESLint on fields that do and do not say their message twice. */
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "../..") });

/** How many fields of `code` the rule refuses (the fixture breaks others, react-hooks' among them: not the point). */
async function loudFields(code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: "components/roster/fixture.tsx" });
  return (result?.messages ?? []).filter((message) => message.ruleId === "fields/quiet-messages").length;
}

const form = (imports: string, body: string) => `"use client";

import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { errorState, quietMessages } from "@/components/forms/field-error";
import { TextField, useQuietGroupMessages } from "@/components/forms/fields";
${imports}
export function Fixture({ message, control }: { message?: string; control: never }) {
  const group = useQuietGroupMessages(message);
  const error = errorState(message);
  return (
    <>
      ${body}
      <span>{[Checkbox, Input, RadioButtons, Select, TextField, quietMessages, group, error, control].length}</span>
    </>
  );
}
`;

// The first lint loads the whole config and its plugins (type-aware rules): seconds on a busy machine.
describe("a react-dsfr field says its message once", { timeout: 60_000 }, () => {
  it("refuses a text field or a select in error that keeps react-dsfr's live region", async () => {
    expect(await loudFields(form("", "<Input label='Nom' {...errorState(message)} />"))).toBe(1);
    expect(await loudFields(form("", "<Select label='Type' {...error}><option /></Select>"))).toBe(1);
    expect(await loudFields(form("", "<Input label='Nom' state='error' stateRelatedMessage={message} />"))).toBe(1);
  });

  it("refuses a group in error without useQuietGroupMessages: a ref set once would not see the message change", async () => {
    expect(await loudFields(form("", "<RadioButtons legend='Rôle' {...errorState(message)} options={[]} />"))).toBe(1);
    expect(await loudFields(form("", "<Checkbox ref={quietMessages} legend='Types' {...errorState(message)} options={[]} />"))).toBe(1);
  });

  it("follows react-dsfr's fields under another name", async () => {
    const renamed = 'import { Input as DsfrInput } from "@codegouvfr/react-dsfr/Input";\n';
    expect(await loudFields(form(renamed, "<DsfrInput label='Nom' {...errorState(message)} />"))).toBe(1);
  });

  it("lets through quieted fields, the shared fields, and fields that show no message", async () => {
    const quiet = [
      "<Input ref={quietMessages} label='Nom' {...errorState(message)} />",
      "<Select ref={quietMessages} label='Type' {...error}><option /></Select>",
      "<RadioButtons ref={group} legend='Rôle' {...errorState(message)} options={[]} />",
      "<Checkbox ref={group} legend='Types' {...errorState(message)} options={[]} />",
      "<TextField control={control} name='nom' label='Nom' />",
      "<Input label='Recherche' nativeInputProps={{ name: 'q' }} />",
    ].join("\n      ");
    expect(await loudFields(form("", quiet))).toBe(0);
  });
});
