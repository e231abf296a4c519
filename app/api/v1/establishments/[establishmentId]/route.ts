import { defineApiRoute } from "@/lib/http/define-api-route";
import { getEstablishment, getEstablishmentEndpoint } from "@/lib/public-api/get-establishment";

export const GET = defineApiRoute(getEstablishmentEndpoint, ({ params }) => getEstablishment(params.establishmentId));
