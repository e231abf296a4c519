import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
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
