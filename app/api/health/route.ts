export const dynamic = "force-dynamic";

/** Liveness: the process answers. Whether it can serve is /api/health/ready's question. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
