/**
 * One large roster file read at a time in a process. Reading gives way to other requests
 * (`givingWay`), but each reading holds its file, its text and its rows in memory (hundreds of
 * megabytes for a file near the cap): a second large file, checked or committed meanwhile, is
 * refused with a message to try again, rather than doubling that (ADR 0006, amended 7 December).
 * Small files, read within a second, are never held back.
 *
 * Public API: `LARGE_READING_BYTES`, `oneLargeReadingAtATime`.
 */
import { AppError } from "@/lib/errors/app-error";

/** From this size (about 6,000 template lines), a reading counts as large. */
export const LARGE_READING_BYTES = 1024 * 1024;

const BUSY =
  "Le serveur vérifie déjà un autre fichier volumineux : réessayez dans quelques minutes. Rien n'a été modifié dans le registre.";

let largeReadingRunning = false;

/** Runs `work`, the reading of a file of `bytes` bytes; a large one while another runs is refused (503). */
export async function oneLargeReadingAtATime<T>(bytes: number, work: () => Promise<T>): Promise<T> {
  if (bytes < LARGE_READING_BYTES) return work();
  if (largeReadingRunning) throw new AppError("UNAVAILABLE", BUSY);
  largeReadingRunning = true;
  try {
    return await work();
  } finally {
    largeReadingRunning = false;
  }
}
