import NextAuth from "next-auth";
import { authOptions } from "@/lib/identity/auth-options";
import { withSignInRateLimitStatus } from "@/lib/identity/sign-in-rate-limit";

const nextAuth = NextAuth(authOptions);

/** next-auth's routes, except that a sign-in refused by a rate limit is a 429 with `Retry-After`, not its 401 (ADR 0008). */
function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return withSignInRateLimitStatus(() => nextAuth(request, context));
}

export { handler as GET, handler as POST };
