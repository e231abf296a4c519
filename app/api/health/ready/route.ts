import { checkReadiness } from "@/lib/db/readiness";

export const dynamic = "force-dynamic";

/** Readiness, for load balancers: the database answers and every migration of this build is applied. */
export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(readiness.ready ? { status: "ready", ...readiness } : { status: "not-ready", ...readiness }, {
    status: readiness.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
