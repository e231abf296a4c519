import { ZAccountNameInput } from "./schemas";

/**
 * The name an account created through Pro Santé Connect shows: the first name, then the last name,
 * as PSC sends them (`given_name`, `family_name`), in the order the account form asks for them
 * (« Vos prénom et nom »). Null when PSC sends neither, or a name that form would refuse.
 */
export function nameFromPsc(claims: Record<string, unknown>): string | null {
  const { given_name: given, family_name: family } = claims;
  if (typeof given !== "string" || typeof family !== "string") return null;
  const parsed = ZAccountNameInput.safeParse({ displayName: `${given} ${family}` });
  return parsed.success ? parsed.data.displayName : null;
}
