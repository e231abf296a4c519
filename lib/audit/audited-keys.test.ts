import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { auditActionLabel } from "./action-labels";
import { describeAuditDetails } from "./details";

/** What writes audit entries: `recordAudit`, a dossier's move (`writeTransition`…), bulk rows. */
const WRITERS = /recordAudit\(|writeTransitions?\(|transitionCtes\(|auditEvent\.create(Many)?\(/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(int\.)?test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** The keys written in an object literal under a property `details`, nested objects' keys included. */
function detailKeys(file: string): Set<string> {
  const keys = new Set<string>();
  const collect = (literal: ts.ObjectLiteralExpression) => {
    for (const property of literal.properties) {
      if (ts.isSpreadAssignment(property)) visitValue(property.expression); // `...(flags.length > 0 ? { flags } : {})`
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
      if (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) keys.add(property.name.text);
      if (ts.isPropertyAssignment(property)) visitValue(property.initializer);
    }
  };
  const visitValue = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) collect(node);
    else ts.forEachChild(node, visitValue);
  };
  const visit = (node: ts.Node) => {
    if (!ts.isPropertyAssignment(node) || !ts.isIdentifier(node.name)) ts.forEachChild(node, visit);
    else if (node.name.text === "details") visitValue(node.initializer);
    // A query's filter on the details (`where: { details: { path, equals } }`) writes nothing.
    else if (node.name.text !== "where") ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true));
  return keys;
}

/** An audit action's code: « roster.bulk_action », « follow-ups.exported ». */
const ACTION_CODE = /^[a-z][a-z_-]*\.[a-z][a-zA-Z_]*$/;

/**
 * The action codes written under a property `action` outside an entry's details, each branch of a
 * condition too (`shortened ? "extension.shortened" : "extension.granted"`), and those handed to a
 * helper that writes the entry (`writeWaveFields(…, { action: "wave.decision_settings_changed" })`).
 * The codes built from a template (`tranche.${step}`) are labelled by tables typed on their parts.
 */
function actionCodes(file: string): Set<string> {
  const codes = new Set<string>();
  const collect = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) && ACTION_CODE.test(node.text)) codes.add(node.text);
    else ts.forEachChild(node, collect);
  };
  const visit = (node: ts.Node) => {
    if (!ts.isPropertyAssignment(node) || !ts.isIdentifier(node.name)) ts.forEachChild(node, visit);
    else if (node.name.text === "action") collect(node.initializer);
    else if (node.name.text !== "details" && node.name.text !== "where") ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true));
  return codes;
}

describe("the audit log's details", () => {
  // Parses every source file that writes an entry: a new key without a label fails here, not in a
  // manager's reading of the log.
  it("name every key the code writes in French", () => {
    const root = join(__dirname, "..", "..");
    const writers = ["lib", "app"]
      .flatMap((folder) => sourceFiles(join(root, folder)))
      .filter((file) => WRITERS.test(readFileSync(file, "utf8")));
    const unnamed = writers.flatMap((file) =>
      [...detailKeys(file)]
        .filter((key) => describeAuditDetails({ [key]: 1 })[0]!.label === key)
        .map((key) => `${key} (${file.slice(root.length + 1)})`),
    );
    expect(unnamed).toEqual([]);
  }, 60_000);
});

describe("the audit log's actions", () => {
  // A bulk write's entries (an assignment plan, a release, an import) are written where the batch
  // is, often under a condition: each code found here must read in French in the journal.
  it("are each named in French", () => {
    const root = join(__dirname, "..", "..");
    const written = ["lib", "app", "prisma", "scripts"]
      .flatMap((folder) => sourceFiles(join(root, folder)))
      .filter((file) => readFileSync(file, "utf8").includes("action:"))
      .flatMap((file) => [...actionCodes(file)].map((action) => ({ action, file: file.slice(root.length + 1) })));
    expect(new Set(written.map(({ action }) => action)).size).toBeGreaterThan(75);
    expect(written.filter(({ action }) => auditActionLabel(action) === action).map(({ action, file }) => `${action} (${file})`)).toEqual(
      [],
    );
  }, 60_000);
});
