import { fileStorage } from "@/lib/storage";

/**
 * The keys of the stored objects (in a test, its worker's own folder), those under `prefix` if
 * given: what a test compares before and after a use case, to see that a refusal stored nothing.
 */
export async function storedKeys(prefix = ""): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const object of fileStorage().list()) if (object.key.startsWith(prefix)) keys.add(object.key);
  return keys;
}
