import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/** The `alerts/said-once` rule of eslint.config.mjs, run through ESLint on alerts said once and twice. */
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "../..") });

/** How many alerts of `body` the rule refuses, in a client component or a server one. */
async function loudAlerts(body: string, directive = '"use client";\n'): Promise<number> {
  const code = `${directive}
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useRef } from "react";
import { FocusOnArrival } from "@/components/forms/focus-on-arrival";
import { QuietAlert } from "@/components/forms/quiet-alert";

export function Fixture({ text }: { text: string }) {
  const target = useRef<HTMLDivElement>(null);
  return (
    <>
      ${body}
      <span>{[FocusOnArrival, QuietAlert, target].length}</span>
    </>
  );
}
`;
  const [result] = await eslint.lintText(code, { filePath: "components/roster/fixture.tsx" });
  return (result?.messages ?? []).filter((message) => message.ruleId === "alerts/said-once").length;
}

// The first lint loads the whole config and its plugins (type-aware rules): seconds on a busy machine.
describe("a DSFR alert is said once", { timeout: 60_000 }, () => {
  it("refuses an alert keeping its own role inside a live region, however deep", async () => {
    expect(await loudAlerts('<div aria-live="polite"><Alert severity="error" small description={text} /></div>')).toBe(1);
    expect(await loudAlerts('<div role="status"><p><Alert severity="success" small description={text} /></p></div>')).toBe(1);
  });

  it("refuses an alert keeping its own role where the focus is given", async () => {
    expect(await loudAlerts('<div tabIndex={-1}><Alert severity="error" small description={text} /></div>')).toBe(1);
    expect(await loudAlerts('<div ref={target}><Alert severity="success" small description={text} /></div>')).toBe(1);
    expect(await loudAlerts('<FocusOnArrival><Alert severity="info" small description={text} /></FocusOnArrival>')).toBe(1);
  });

  it("lets through an alert without a role there, and one that is the only thing to say it", async () => {
    const quiet = [
      '<div aria-live="polite"><Alert severity="error" small description={text} role={undefined} /></div>',
      '<div tabIndex={-1}><Alert severity="error" small description={text} role={undefined} /></div>',
      '<Alert severity="error" small description={text} />',
      '<form ref={target}><Alert severity="error" small description={text} /></form>',
    ].join("\n      ");
    expect(await loudAlerts(quiet)).toBe(0);
  });

  it("refuses role={undefined} in a server component, which drops it on its way to react-dsfr: QuietAlert takes it off", async () => {
    expect(await loudAlerts('<div tabIndex={-1}><Alert severity="success" small description={text} role={undefined} /></div>', "")).toBe(1);
    expect(await loudAlerts('<div tabIndex={-1}><QuietAlert severity="success" small description={text} /></div>', "")).toBe(0);
  });
});
