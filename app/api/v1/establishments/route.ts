import { defineApiRoute } from "@/lib/http/define-api-route";
import { listEstablishments, listEstablishmentsEndpoint } from "@/lib/public-api/list-establishments";

export const GET = defineApiRoute(listEstablishmentsEndpoint, ({ query }) => listEstablishments(query));
