import { z } from 'zod';
import { REFUSAL_CODES } from '../domain/refusals';
import type { Route } from './route';

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string', description: 'the kind of refusal by its status: BAD_REQUEST, FORBIDDEN, NOT_FOUND, CONFLICT, …' },
        reason: { type: 'string', enum: REFUSAL_CODES, description: 'the refusal’s stable code, where it is catalogued' },
        params: { type: 'object', description: 'the refusal’s parameters (ids, codes, numbers)' },
        message: { type: 'string', description: 'worded in the caller’s language (?lang=zh|en or Accept-Language; Chinese by default)' },
        details: { description: 'the fields it is about: [{path, message}]' },
      },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;

function parameters(route: Route) {
  const of = (schema: z.ZodObject<z.ZodRawShape> | undefined, where: 'path' | 'query') =>
    Object.entries(schema?.shape ?? {}).map(([name, field]) => ({
      name,
      in: where,
      required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
      schema: jsonSchema(field as z.ZodType, 'input'),
    }));
  return [...of(route.params, 'path'), ...of(route.query, 'query')];
}

/** One body schema per choice of a path part, each titled by the choice: a route's `documentedBody`. */
export const variantsOf = (choices: readonly string[], schemaOf: (choice: string) => z.ZodType): z.ZodType =>
  z.union(choices.map((choice) => schemaOf(choice).meta({ title: choice })) as unknown as [z.ZodType, z.ZodType]);

/** The OpenAPI 3.1 document, generated from the same route table and schemas the API runs on. */
export function openApiDocument(routes: Route[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path][route.method] = {
      summary: route.summary,
      tags: [route.tag],
      security: route.public ? [] : [{ bearer: [] }],
      parameters: parameters(route),
      ...(route.upload
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(route.upload.types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
            },
          }
        : route.body
          ? {
              requestBody: {
                required: true,
                content: {
                  'application/json': { schema: jsonSchema(route.documentedBody?.() ?? route.body, 'input') },
                  ...Object.fromEntries(
                    (route.alsoBytes?.types ?? []).map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
                  ),
                },
              },
            }
          : {}),
      responses: {
        [String(route.status ?? 200)]: {
          description: 'OK',
          content: Object.fromEntries(
            [route.produces ?? 'application/json'].flat().map((type) => [type, { schema: jsonSchema(route.response, 'output') }]),
          ),
        },
        default: { description: 'An error', content: { 'application/json': { schema: errorSchema } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'collab-zones',
      version: '0.1.0',
      description: 'Durable, auditable workflows for the collaborative development zones of the Yingkou FTZ',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

/** A small page that lists the routes of /openapi.json: no assets from outside the product. */
export const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>collab-zones API</title>
<style>body{font:14px system-ui;margin:2rem;max-width:70rem}code{background:#f3f3f3;padding:0 .3em}
details{border-bottom:1px solid #ddd;padding:.4rem 0}pre{background:#f7f7f7;padding:.6rem;overflow:auto}</style></head>
<body><h1>collab-zones API</h1><p>The document itself: <a href="/openapi.json">/openapi.json</a></p><div id="routes"></div>
<script>
fetch('/openapi.json').then(r => r.json()).then(doc => {
  const root = document.getElementById('routes');
  for (const [path, ops] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(ops)) {
    const d = document.createElement('details');
    const s = document.createElement('summary');
    s.innerHTML = '<code>' + method.toUpperCase() + ' ' + path + '</code> ' + op.summary;
    const pre = document.createElement('pre');
    pre.textContent = JSON.stringify({ parameters: op.parameters, requestBody: op.requestBody, responses: op.responses }, null, 2);
    d.append(s, pre); root.append(d);
  }
});
</script></body></html>`;
