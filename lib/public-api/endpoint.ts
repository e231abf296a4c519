import type { z } from "zod";
import type { ParamShape } from "@/lib/http/route-params";
import type { ApiScope } from "./token-schema";

/**
 * One operation of the public read API, as data: the route handler (`defineApiRoute`) parses and
 * answers with these very schemas, and the OpenAPI document (`openapi-document.ts`) is generated
 * from them, so the two cannot drift.
 */
export type ApiEndpoint<TParams extends ParamShape, TQuery extends z.ZodObject, TResponse extends z.ZodType> = {
  /** OpenAPI path under /api/v1, `{name}` for a segment of `params`. */
  path: string;
  operationId: string;
  tag: "Vagues" | "Dossiers" | "Établissements";
  summary: string;
  description: string;
  scope: ApiScope;
  /** The URL's segments (`RouteParam`), each with its `.meta({ description })` for the document. */
  params: TParams;
  query: TQuery;
  response: TResponse;
};

export type AnyApiEndpoint = ApiEndpoint<ParamShape, z.ZodObject, z.ZodType>;

export function apiEndpoint<TParams extends ParamShape, TQuery extends z.ZodObject, TResponse extends z.ZodType>(
  endpoint: ApiEndpoint<TParams, TQuery, TResponse>,
) {
  return endpoint;
}
