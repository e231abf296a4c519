import NextAuth from "next-auth";
import { authOptions } from "@/lib/identity/auth-options";
import { refusingCrossSite } from "@/lib/http/define-route";
import { refusedPscReturn, withSignInRateLimitStatus } from "@/lib/identity/sign-in-rate-limit";

const nextAuth = NextAuth(authOptions);

/**
 * next-auth's routes, except that a cross-site POST (a sign-in, a sign-out) is refused like on every
 * other route, a sign-in refused by a rate limit is a 429 with `Retry-After`, not its 401, and Pro
 * Santé Connect's return counts on the same per-address limit (ADR 0008).
 */
const handler = refusingCrossSite(
  async (request: Request, context: { params: Promise<{ nextauth: string[] }> }) =>
    (await refusedPscReturn(request)) ?? withSignInRateLimitStatus(() => nextAuth(request, context)),
);

export { handler as GET, handler as POST };
