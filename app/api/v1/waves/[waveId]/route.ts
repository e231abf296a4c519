import { defineApiRoute } from "@/lib/http/define-api-route";
import { getWave, getWaveEndpoint } from "@/lib/public-api/get-wave";

export const GET = defineApiRoute(getWaveEndpoint, ({ params }) => getWave(params.waveId));
