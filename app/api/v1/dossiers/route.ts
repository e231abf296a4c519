import { defineApiRoute } from "@/lib/http/define-api-route";
import { listDossiers, listDossiersEndpoint } from "@/lib/public-api/list-dossiers";

export const GET = defineApiRoute(listDossiersEndpoint, ({ query }) => listDossiers(query));
