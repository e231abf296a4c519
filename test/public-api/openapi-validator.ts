import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type Document = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

/**
 * Checks answers of the public API against its OpenAPI 3.1 document: the document itself against
 * the OpenAPI 3.1 schema (@seriousme/openapi-schema-validator), then each body against the schema
 * its operation declares for that status, with Ajv's JSON Schema draft 2020-12 (the dialect of
 * OpenAPI 3.1) and formats (uuid, date-time, date) checked. Shared by the integration and e2e tests.
 */
export async function openApiValidator(document: object) {
  const validity = await new Validator().validate(document as never);
  if (!validity.valid) throw new Error(`The OpenAPI document is invalid: ${JSON.stringify(validity.errors)}`);
  // The document's own keywords (openapi, paths, example…) are not JSON Schema: not strict.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...document, $id: "openapi.json" });
  const pointer = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();

  /** The errors of `body` as the answer `status` of GET `path` (a template of the document, e.g. `/waves/{waveId}`); [] when it conforms. */
  return function errorsOf(path: string, status: number, body: unknown): string[] {
    const operation = (document as Document).paths[path]?.get;
    if (!operation) return [`no operation GET ${path} in the document`];
    if (!operation.responses[String(status)]) return [`no answer ${status} declared for GET ${path}`];
    const ref = `openapi.json#/paths/${pointer(path)}/get/responses/${status}/content/${pointer("application/json")}/schema`;
    const validate = compiled.get(ref) ?? ajv.compile({ $ref: ref });
    compiled.set(ref, validate);
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  };
}
