import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { reportAppErrors } from "./report-app-errors";

afterEach(() => {
  process.exitCode = undefined;
});

describe("a command's refusals", () => {
  it("prints a domain refusal's message and exits with 1", async () => {
    const printed: string[] = [];
    await reportAppErrors(
      async () => {
        throw new AppError("INVALID_INPUT", "Cette adresse a déjà un rôle d'équipe.");
      },
      (line) => printed.push(line),
    );
    expect(printed).toEqual(["Cette adresse a déjà un rôle d'équipe."]);
    expect(process.exitCode).toBe(1);
  });

  it("lets a fault through, and leaves a finished command's exit code alone", async () => {
    await expect(reportAppErrors(async () => Promise.reject(new Error("connection refused")))).rejects.toThrow("connection refused");
    await reportAppErrors(async () => {});
    expect(process.exitCode).toBeUndefined();
  });
});
