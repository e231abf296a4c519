import { isAppError } from "@/lib/errors/app-error";

/**
 * Runs a command's work and prints a refusal of the domain (an `AppError`: already a staff member,
 * unknown address…) as its French message with exit code 1, instead of a stack trace; anything
 * else is a fault and still throws.
 */
export async function reportAppErrors(work: () => Promise<void>, print: (line: string) => void = console.error): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!isAppError(error)) throw error;
    print(error.message);
    process.exitCode = 1;
  }
}
