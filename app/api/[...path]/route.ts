import { AppError } from "@/lib/errors/app-error";

/**
 * An address under /api/ that no route answers: the API's JSON 404 (lib/errors/app-error.ts), not
 * the site's HTML page, whatever the method. Every route of app/api/ is more specific and wins.
 */
function notFound(): Response {
  const error = new AppError("NOT_FOUND");
  return Response.json(
    { error: { code: error.code, message: error.message } },
    { status: error.status, headers: { "Cache-Control": "no-store" } },
  );
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
