/**
 * What a browser keeps for one person across requests to the app (its cookies), and next-auth's
 * ways in and out as the pages call them: a system test signs in over HTTP, as a browser would.
 */
export class BrowserSession {
  private readonly cookies = new Map<string, string>();

  /** Sends a request with this session's cookies and keeps the ones it sets. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, { redirect: "manual", ...init, headers: { ...init.headers, Cookie: this.cookieHeader() } });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, value] = pair!.split("=");
      this.cookies.set(name!, value ?? "");
    }
    return response;
  }

  /** Another session holding the same cookies from now on: a copy of them kept, to replay later. */
  copy(): BrowserSession {
    const copy = new BrowserSession();
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  get signedIn(): boolean {
    return this.cookies.has("next-auth.session-token");
  }

  /** Signs in with a demo link's token, as the button of its page does. */
  signInWithDemoLink(appUrl: string, token: string): Promise<Response> {
    return this.postAuth(appUrl, "callback/demo-link", { token });
  }

  signOut(appUrl: string): Promise<Response> {
    return this.postAuth(appUrl, "signout", {});
  }

  private async postAuth(appUrl: string, action: string, fields: Record<string, string>): Promise<Response> {
    const csrf = await this.fetch(`${appUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    return this.fetch(`${appUrl}/api/auth/${action}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: appUrl },
      body: new URLSearchParams({ ...fields, csrfToken, json: "true" }).toString(),
    });
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}
