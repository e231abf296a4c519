import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/** The `pages/titled-refusal` rule of eslint.config.mjs, run through ESLint on pages that may refuse their viewer or not. */
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "../..") });

/** The rule's messages on a page made of `imports`, a title export and `body`, at `filePath`. */
async function titleLeaks(imports: string, title: string, body: string, filePath = "app/(programme)/pilotage/fixture/page.tsx") {
  const code = `import type { Metadata } from "next";
${imports}

${title}

export default async function FixturePage() {
${body}
}
`;
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "pages/titled-refusal").map((message) => message.message);
}

const STATIC_TITLE = 'export const metadata: Metadata = { title: "Journal d\'audit" };';

// The first lint loads the whole config and its plugins (type-aware rules): seconds on a busy machine.
describe("a page refused with the 404 page does not keep its own title", { timeout: 60_000 }, () => {
  it("refuses a static metadata on a page that asks the policy in guardPage (the audit log before ADR 0031)", async () => {
    const messages = await titleLeaks(
      'import { requirePermission } from "@/lib/access/policy";\nimport { guardPage } from "@/lib/http/page-guard";\nimport { requireViewer } from "@/lib/identity/current-viewer";',
      STATIC_TITLE,
      '  const viewer = await requireViewer("/pilotage/journal");\n  await guardPage(viewer, "/pilotage/journal", async () => requirePermission(viewer, "audit:read"));\n  return <h1>Journal d&apos;audit</h1>;',
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("guardedTitledPage");
    expect(messages[0]).toContain("requirePermission, guardPage");
  });

  it("refuses it beside any other way to the 404 page: notFound, a record's guarded load, a malformed id", async () => {
    const body = "  return <h1>Page</h1>;";
    expect(await titleLeaks('import { notFound } from "next/navigation";\nexport const x = notFound;', STATIC_TITLE, body)).toHaveLength(1);
    expect(
      await titleLeaks('import { guardedPageLoad } from "@/lib/http/page-guard";\nexport const x = guardedPageLoad;', STATIC_TITLE, body),
    ).toHaveLength(1);
    expect(
      await titleLeaks('import { pageParams } from "@/lib/http/route-params";\nexport const x = pageParams;', STATIC_TITLE, body),
    ).toHaveLength(1);
    const aliased =
      'import { authorizeEstablishment as allow } from "@/lib/access/policy";\nconst metadata: Metadata = { title: "Équipe" };\nexport const x = allow;';
    expect(await titleLeaks(aliased, "export { metadata };", body)).toHaveLength(1);
  });

  it("lets guardedTitledPage title a refusable page, and a static metadata title a page that refuses nobody", async () => {
    expect(
      await titleLeaks(
        'import { requirePermission } from "@/lib/access/policy";\nimport { guardedTitledPage } from "@/lib/http/page-guard";\nconst guarded = guardedTitledPage("/pilotage/journal", "Journal d\'audit", (viewer) => requirePermission(viewer, "audit:read"));',
        "export const generateMetadata = guarded.generateMetadata;",
        "  await guarded.load();\n  return <h1>Journal d&apos;audit</h1>;",
      ),
    ).toEqual([]);
    // /compte: a visitor is sent to sign in, a signed-in viewer always sees the page.
    expect(
      await titleLeaks(
        'import { requireViewer } from "@/lib/identity/current-viewer";',
        STATIC_TITLE,
        '  await requireViewer("/compte");\n  return <h1>Mon compte</h1>;',
      ),
    ).toEqual([]);
    // /documentation-api: the policy only chooses a link, and redirect() is no refusal.
    expect(
      await titleLeaks(
        'import { redirect } from "next/navigation";\nimport { canManageApiTokens, hasPermission } from "@/lib/access/policy";\nexport const x = [redirect, canManageApiTokens, hasPermission];',
        STATIC_TITLE,
        "  return <h1>Documentation</h1>;",
      ),
    ).toEqual([]);
  });

  it("judges pages only: a component may import notFound beside a constant named metadata", async () => {
    expect(
      await titleLeaks(
        'import { notFound } from "next/navigation";\nexport const x = notFound;',
        STATIC_TITLE,
        "  return <h1>Page</h1>;",
        "components/fixture.tsx",
      ),
    ).toEqual([]);
  });
});
