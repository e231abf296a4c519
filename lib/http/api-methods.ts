/** The methods a route handler exports; Next.js answers HEAD with GET, and OPTIONS itself. */
type RouteMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * The methods each route handler of app/api/ exports, by its pattern as in app/. Next.js answers
 * any other with an empty 405; proxy.ts answers it instead with the API's JSON error and `Allow`
 * (RFC 9110 §15.5.6). api-methods.test.ts fails until a route's methods are here.
 */
export const API_ROUTE_METHODS: Readonly<Record<string, readonly RouteMethod[]>> = {
  "/api/[...path]": ["GET", "POST", "PUT", "PATCH", "DELETE"],
  "/api/account/credentials/[credentialId]": ["PATCH", "DELETE"],
  "/api/account": ["PATCH"],
  "/api/account/sessions/[sessionId]": ["DELETE"],
  "/api/account/sessions": ["DELETE"],
  "/api/api-tokens/[tokenId]": ["DELETE"],
  "/api/api-tokens": ["POST"],
  "/api/applications/[applicationId]/attachments": ["POST"],
  "/api/applications/[applicationId]/decision-letter": ["GET"],
  "/api/applications/[applicationId]/decision": ["POST", "DELETE"],
  "/api/applications/[applicationId]/messages": ["POST"],
  "/api/applications/[applicationId]/milestones": ["PUT"],
  "/api/applications/[applicationId]/receipt": ["GET"],
  "/api/applications/[applicationId]/result-declaration": ["POST", "GET"],
  "/api/applications/[applicationId]/sections/[section]": ["PUT"],
  "/api/applications/[applicationId]/submission": ["POST"],
  "/api/applications/[applicationId]/transitions": ["POST"],
  "/api/applications/[applicationId]/verification/answer": ["POST"],
  "/api/applications/[applicationId]/verification": ["POST"],
  "/api/applications": ["POST"],
  "/api/assignments/[assignmentId]/declaration": ["POST"],
  "/api/assignments/[assignmentId]/review/reopening": ["POST"],
  "/api/assignments/[assignmentId]/review": ["PUT"],
  "/api/assignments/[assignmentId]/review/submission": ["POST"],
  "/api/assignments/[assignmentId]": ["PATCH", "DELETE"],
  "/api/attachments/[attachmentId]": ["GET", "DELETE"],
  "/api/auth/[...nextauth]": ["GET", "POST"],
  "/api/campaigns/[campaignId]": ["PATCH"],
  "/api/campaigns/[campaignId]/waves": ["POST"],
  "/api/campaigns": ["POST"],
  "/api/dossiers/export": ["GET"],
  "/api/establishments/[establishmentId]/indicators": ["GET"],
  "/api/establishments/[establishmentId]/members/[userId]": ["DELETE", "PATCH"],
  "/api/establishments/[establishmentId]/membership": ["DELETE"],
  "/api/establishments/[establishmentId]/roster/bulk": ["POST"],
  "/api/establishments/[establishmentId]/roster/export": ["GET"],
  "/api/establishments/[establishmentId]/roster/homologations": ["PUT", "DELETE"],
  "/api/establishments/[establishmentId]/roster/imports/[importId]/commit": ["POST"],
  "/api/establishments/[establishmentId]/roster/imports/[importId]/corrections": ["POST"],
  "/api/establishments/[establishmentId]/roster/imports/[importId]": ["DELETE"],
  "/api/establishments/[establishmentId]/roster/imports": ["POST"],
  "/api/establishments/[establishmentId]/roster/professionals/[professionalId]": ["PUT", "DELETE"],
  "/api/establishments/[establishmentId]/roster/professionals": ["POST"],
  "/api/establishments/[establishmentId]": ["PUT"],
  "/api/establishments": ["POST"],
  "/api/exports/[exportId]/file": ["GET"],
  "/api/exports": ["GET", "POST"],
  "/api/health/ready": ["GET"],
  "/api/health": ["GET"],
  "/api/invitations/[invitationId]": ["DELETE"],
  "/api/invitations/acceptance": ["POST"],
  "/api/invitations/psc": ["POST"],
  "/api/invitations": ["POST"],
  "/api/jobs/runs": ["POST"],
  "/api/pilotage/suivi/export": ["GET"],
  "/api/pilotage/tableaux/[table]": ["GET"],
  "/api/roster/template": ["GET"],
  "/api/tranches/[trancheId]": ["POST"],
  "/api/users/[userId]/access-recovery": ["POST"],
  "/api/users/[userId]/reviewer-profile": ["PUT"],
  "/api/users/[userId]": ["PATCH"],
  "/api/v1/dossiers/[dossierId]": ["GET"],
  "/api/v1/dossiers": ["GET"],
  "/api/v1/establishments/[establishmentId]": ["GET"],
  "/api/v1/establishments": ["GET"],
  "/api/v1/openapi.json": ["GET"],
  "/api/v1/waves/[waveId]": ["GET"],
  "/api/v1/waves": ["GET"],
  "/api/waves/[waveId]/assignments/automatic": ["POST"],
  "/api/waves/[waveId]/assignments/preview": ["POST"],
  "/api/waves/[waveId]/assignments": ["POST"],
  "/api/waves/[waveId]/decision-settings": ["PUT"],
  "/api/waves/[waveId]/decisions/export": ["GET"],
  "/api/waves/[waveId]/decisions/release": ["POST"],
  "/api/waves/[waveId]/extensions/[extensionId]": ["DELETE"],
  "/api/waves/[waveId]/extensions": ["POST"],
  "/api/waves/[waveId]/follow-up-settings": ["PUT"],
  "/api/waves/[waveId]/grid": ["PUT"],
  "/api/waves/[waveId]/letter-signatory": ["PUT"],
  "/api/waves/[waveId]/review-settings": ["PUT"],
  "/api/waves/[waveId]": ["PATCH"],
  "/api/waves/[waveId]/tranches/export": ["GET"],
  "/api/webauthn/authentication/options": ["POST"],
  "/api/webauthn/registration/options": ["POST"],
  "/api/webauthn/registration": ["POST"],
};

/** A segment's rank in Next.js's choice of route: a static name wins over [id], which wins over [...rest]. */
const rank = (segment: string) => (segment.startsWith("[...") ? 2 : segment.startsWith("[") ? 1 : 0);

const ROUTES = Object.entries(API_ROUTE_METHODS)
  .map(([pattern, methods]) => ({ segments: pattern.split("/").slice(1), methods }))
  .sort((a, b) => {
    for (let index = 0; index < Math.min(a.segments.length, b.segments.length); index++) {
      const difference = rank(a.segments[index]!) - rank(b.segments[index]!);
      if (difference !== 0) return difference;
    }
    return 0;
  });

function matches(segments: string[], path: string[]): boolean {
  const last = segments.length - 1;
  if (rank(segments[last]!) === 2 ? path.length <= last : path.length !== segments.length) return false;
  return segments.every((segment, index) => rank(segment) > 0 || segment === path[index]);
}

/**
 * The `Allow` header of the route that answers a path under /api/, as Next.js's own OPTIONS says
 * it (GET brings HEAD, OPTIONS always); undefined when the route answers the method.
 */
export function refusedMethodAllow(pathname: string, method: string): string | undefined {
  const path = pathname.split("/").slice(1);
  const route = ROUTES.find((candidate) => matches(candidate.segments, path));
  if (!route) return undefined;
  const allowed = [...route.methods, "OPTIONS", ...(route.methods.includes("GET") ? ["HEAD"] : [])].sort();
  return allowed.includes(method) ? undefined : allowed.join(", ");
}
