import { definePublicRoute } from "@/lib/http/define-route";
import { openApiDocument } from "@/lib/public-api/openapi-document";

/** The API's OpenAPI 3.1 document, public like its documentation page (/documentation-api). */
export const GET = definePublicRoute({ handler: async () => Response.json(openApiDocument()) });
