import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/** The import-boundary rules of eslint.config.mjs, run through ESLint on deliberate violations. */
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "../..") });

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

// The first lint loads the whole config and its plugins (type-aware rules): seconds on a busy machine.
describe("import boundaries", { timeout: 60_000 }, () => {
  it("refuses app/ and components/ in lib/, by alias or relative path", async () => {
    expect(
      await rulesBroken(
        "lib/roster/fixture.ts",
        'import { RosterTable } from "@/components/roster/roster-table";\nexport const x = RosterTable;\n',
      ),
    ).toContain("no-restricted-imports");
    expect(await rulesBroken("lib/roster/fixture.ts", 'import page from "../../app/page";\nexport const x = page;\n')).toContain(
      "no-restricted-imports",
    );
    expect(await rulesBroken("lib/roster/fixture.ts", 'import { toDay } from "./dates";\nexport const x = toDay;\n')).toEqual([]);
  });

  it("refuses database code in a client component, not in a server one", async () => {
    const database = 'import { db } from "@/lib/db/client";\nexport const x = db;\n';
    expect(await rulesBroken("components/roster/fixture.tsx", `"use client";\n\n${database}`)).toContain("boundaries/client-imports");
    expect(
      await rulesBroken("components/roster/fixture.tsx", '"use client";\n\nimport { Pool } from "pg";\nexport const x = Pool;\n'),
    ).toContain("boundaries/client-imports");
    expect(await rulesBroken("components/roster/fixture.tsx", database)).toEqual([]);
  });

  it("lets a client component use the enums Prisma generates for the browser", async () => {
    const enums = '"use client";\n\nimport type { MieType } from "@/lib/db/generated/enums";\nexport type X = MieType;\n';
    expect(await rulesBroken("components/roster/fixture.tsx", enums)).toEqual([]);
  });
});
