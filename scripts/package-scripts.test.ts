import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };

describe("npm scripts", () => {
  it.each(Object.entries(scripts))("%s runs files that exist", (_name, command) => {
    const files = [...command.matchAll(/\btsx\s+(\S+\.ts)\b/g)].map((match) => match[1]!);
    for (const file of files) expect(existsSync(file), `${file} (named by "${command}")`).toBe(true);
  });
});
