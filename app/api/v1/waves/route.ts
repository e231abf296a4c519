import { defineApiRoute } from "@/lib/http/define-api-route";
import { listWaves, listWavesEndpoint } from "@/lib/public-api/list-waves";

export const GET = defineApiRoute(listWavesEndpoint, ({ query }) => listWaves(query));
