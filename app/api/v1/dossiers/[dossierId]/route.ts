import { defineApiRoute } from "@/lib/http/define-api-route";
import { getDossier, getDossierEndpoint } from "@/lib/public-api/get-dossier";

export const GET = defineApiRoute(getDossierEndpoint, ({ params }) => getDossier(params.dossierId));
