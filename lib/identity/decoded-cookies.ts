/** next-auth's `decode` accepts a token up to this long after its expiry (jose's clockTolerance). */
const CLOCK_TOLERANCE_MS = 15_000;

/**
 * Session cookies already decrypted, by their exact value, each with the session record's id it
 * names, until the cookie's own expiry: a signed-in person's next requests skip the key derivation
 * (HKDF) and the decryption (ADR 0024). Only a cookie that decrypted is remembered, its expiry is
 * checked at every use as `decode` checks it, and the oldest is forgotten beyond `limit`. What
 * the session may do stays the server-side record's to say (revocation, idle time, lifetime).
 */
export class DecodedCookies {
  private readonly entries = new Map<string, { sid: string; validUntil: number }>();

  constructor(private readonly limit: number) {}

  /** The session id of a cookie remembered and not yet expired, or null. */
  recall(token: string, now: number): string | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (now < entry.validUntil) return entry.sid;
    this.entries.delete(token);
    return null;
  }

  /** Remembers a cookie that decrypted, with its `exp` claim (seconds since the epoch). */
  remember(token: string, sid: string, exp: number): void {
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { sid, validUntil: exp * 1000 + CLOCK_TOLERANCE_MS });
  }
}
