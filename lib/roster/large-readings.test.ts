import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { LARGE_READING_BYTES, oneLargeReadingAtATime } from "./large-readings";

/** A reading that lasts until `finish` is called. */
function pendingReading() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { finish, work: () => done.then(() => "lu") };
}

describe("oneLargeReadingAtATime", () => {
  it("refuses a second large file while one is read, and reads small ones meanwhile", async () => {
    const first = pendingReading();
    const running = oneLargeReadingAtATime(LARGE_READING_BYTES, first.work);
    const refusal = await oneLargeReadingAtATime(LARGE_READING_BYTES * 10, async () => "lu").catch((error: unknown) => error);
    expect(isAppError(refusal) && refusal.code).toBe("UNAVAILABLE");
    expect((refusal as Error).message).toBe(
      "Le serveur vérifie déjà un autre fichier volumineux : réessayez dans quelques minutes. Rien n'a été modifié dans le registre.",
    );
    await expect(oneLargeReadingAtATime(LARGE_READING_BYTES - 1, async () => "petit")).resolves.toBe("petit");
    first.finish();
    await expect(running).resolves.toBe("lu");
    await expect(oneLargeReadingAtATime(LARGE_READING_BYTES, async () => "suivant")).resolves.toBe("suivant");
  });

  it("takes the next large file after a reading that failed", async () => {
    await expect(oneLargeReadingAtATime(LARGE_READING_BYTES, () => Promise.reject(new Error("illisible")))).rejects.toThrow("illisible");
    await expect(oneLargeReadingAtATime(LARGE_READING_BYTES, async () => "lu")).resolves.toBe("lu");
  });
});
