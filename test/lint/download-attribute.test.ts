import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "../..") });

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

// The first lint loads the whole config and its plugins (type-aware rules): seconds on a busy machine.
describe("links to files", { timeout: 60_000 }, () => {
  it("refuses the `download` attribute, which saves a refusal's JSON as the file", async () => {
    const link = (attributes: string) => `export const Link = ({ href }: { href: string }) => <a href={href}${attributes}>Pièce</a>;\n`;
    expect(await rulesBroken("components/dossier/fixture.tsx", link(" download"))).toContain("no-restricted-syntax");
    expect(await rulesBroken("app/fixture/page.tsx", link(' download="x.pdf"'))).toContain("no-restricted-syntax");
    expect(await rulesBroken("components/dossier/fixture.tsx", link(""))).toEqual([]);
  });
});
