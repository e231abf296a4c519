import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Runs a few lines in a Node process of their own, the server's output routed to the logger: its output lines. */
function outputOf(code: string): { stdout: Array<Record<string, unknown>>; stderr: string } {
  const script = `import { routeServerOutputToLogger } from "./lib/observability/logger.ts";\nrouteServerOutputToLogger();\n${code}`;
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["--input-type=module", "-e", script], { encoding: "utf8" });
  const lines = result.stdout.split("\n").filter((line) => line.trim() !== "");
  return { stdout: lines.map((line) => JSON.parse(line) as Record<string, unknown>), stderr: result.stderr };
}

describe("the server's output", () => {
  it("logs a dependency's deprecation warning at level warn with its code, not as an error", () => {
    const { stdout, stderr } = outputOf(`process.emitWarning("Buffer() is deprecated", "DeprecationWarning", "DEP0005");`);
    expect(stdout).toEqual([
      expect.objectContaining({ level: "warn", msg: "Buffer() is deprecated", warning: { name: "DeprecationWarning", code: "DEP0005" } }),
    ]);
    expect(stderr).toBe("");
  });

  it("logs console.error as an error, with the message of the error passed", () => {
    const { stdout } = outputOf(`console.error("delivery failed:", new Error("550 Mailbox unavailable"));`);
    expect(stdout).toEqual([
      expect.objectContaining({
        level: "error",
        msg: "delivery failed: 550 Mailbox unavailable",
        err: expect.objectContaining({ message: "550 Mailbox unavailable" }),
      }),
    ]);
  });
});
