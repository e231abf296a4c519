/**
 * The browser side of lib/http/define-route.ts: JSON in, JSON out, and the French message (and
 * field errors) of a refusal as an ApiError.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly fieldErrors: Record<string, string[]> = {},
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * Why a request got no answer: the network (« Le serveur ne répond pas »), or the page itself,
 * which gave it up (a navigation, an AbortController): then an empty message, which the forms
 * (useApiSubmit) and lists show as nothing, the person having moved on.
 */
export function requestFailure(caught: unknown): ApiError {
  if (caught instanceof Error && caught.name === "AbortError") return new ApiError("", 0, "ABORTED");
  return new ApiError("Le serveur ne répond pas. Vérifiez votre connexion et réessayez.", 0, "NETWORK");
}

/** `body`: JSON, or a FormData for the routes that take files (multipart, its boundary set by the browser). */
export async function callApi<T = Record<string, unknown>>(path: string, method: string, body?: unknown): Promise<T> {
  let response: Response;
  const multipart = body instanceof FormData;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined || multipart ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch (caught) {
    throw requestFailure(caught);
  }
  const payload = (await response.json().catch(() => ({}))) as {
    error?: { message: string; code: string; fieldErrors?: Record<string, string[]>; details?: Record<string, unknown> };
  };
  if (!response.ok) {
    const error = payload.error;
    throw new ApiError(
      error?.message ?? "Une erreur inattendue est survenue.",
      response.status,
      error?.code ?? "INTERNAL",
      error?.fieldErrors,
      error?.details,
    );
  }
  return payload as T;
}
