import Bowser from "bowser";

/**
 * Bowser's own names. For a browser it does not know, it names the User-Agent's first product token
 * (« Mozilla », or whatever an in-house tool puts there): not a browser, and free text.
 */
const KNOWN_BROWSERS: ReadonlySet<string> = new Set(Object.values(Bowser.BROWSER_MAP));

/** Bowser's names that read badly after « sur » (« Samsung Internet for Android sur Android »). */
const SHORTER_BROWSER_NAMES: Readonly<Record<string, string>> = { "Samsung Internet for Android": "Samsung Internet" };

/**
 * What « Mon compte » shows of the device a session was opened on, read from the User-Agent at
 * sign-in: the browser and the operating system (« Chrome sur Windows »), nothing else (no version,
 * no phone model), so that a person can tell their sessions apart. Null when neither is recognised.
 */
export function describeDevice(userAgent: string | null): string | null {
  // Bowser throws on an empty string.
  if (!userAgent) return null;
  const parser = Bowser.getParser(userAgent);
  const browser = KNOWN_BROWSERS.has(parser.getBrowserName()) ? parser.getBrowserName() : "";
  const system = parser.getOSName();
  if (!browser && !system) return null;
  const browserName = SHORTER_BROWSER_NAMES[browser] ?? browser;
  if (!system) return browserName;
  return `${browserName || "Navigateur inconnu"} sur ${system}`;
}
