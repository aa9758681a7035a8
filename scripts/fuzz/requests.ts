/**
 * Requests for every route of the table, made from its own zod schemas: path parameters, query and
 * body as the schema accepts them (the body of a task or process action from that action's schema),
 * with ids the fixtures made, now and then garbage in any part, a body that is not JSON or too
 * large, a missing or forged token, or an escaped path that does not decode.
 */
import fc from 'fast-check';
import { z } from 'zod';
import type { Route } from '../../api/route';
import { allActions, processDefinitions } from '../../domain/processes';
import { PROCESS_TYPES } from '../../domain/names';
import { fromJsonSchema, garbage, smallGarbage, type JsonSchema } from './json-schema-arbitrary';

/** What the fixtures made, read again after every request that changed something. */
export interface World {
  processIds: string[];
  /** Open tasks with their action (a completion's body is made from the action's schema) and process. */
  tasks: { id: string; action: string; processId: string }[];
  zoneCodes: string[];
  usernames: string[];
}

export type Body = { json: unknown } | { raw: string; contentType: string };

export interface FuzzRequest {
  route: string;
  method: 'GET' | 'POST';
  path: string;
  /** A username whose token is sent, `forged` for a token signed with another secret, or none. */
  user: string | null;
  body?: Body;
  /** The `id` path parameter as generated (a process or task id, or anything). */
  id?: unknown;
}

const toJsonSchema = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** An element of a list that may change between runs: read when the value is generated. */
const oneOf = <T>(list: () => T[], fallback: T) => fc.nat().map((i) => (list().length ? list()[i % list().length] : fallback));

function knownValues(world: World, name: string): fc.Arbitrary<unknown> | undefined {
  const ids = () => [...world.processIds, ...world.tasks.map((t) => t.id)];
  const known: Record<string, fc.Arbitrary<unknown>> = {
    id: oneOf(ids, 'none'),
    processId: oneOf(() => world.processIds, 'none'),
    // The catalogue too: its process id is one per engine, so test/fuzz.test.ts runs on an engine of its own.
    type: fc.constantFrom(...PROCESS_TYPES),
    action: fc.constantFrom(...Object.keys(allActions)),
    code: oneOf(() => world.zoneCodes, '210881'),
    zone: oneOf(() => world.zoneCodes, '210881'),
    org: fc.constantFrom('ftz', 'city', 'audit', 'gov-210881', 'nobody'),
    year: fc.integer({ min: 2024, max: 2028 }),
    power: fc.constantFrom('XK-001', 'XK-010', 'CF-002', 'ZZ-999'),
  };
  return known[name];
}

/** A value for one named part: a known one, one the schema accepts, or garbage. */
function part(world: World, name: string, schema: JsonSchema): fc.Arbitrary<unknown> {
  const known = knownValues(world, name);
  return fc.oneof(
    ...(known ? [{ weight: 6, arbitrary: known }] : []),
    { weight: 3, arbitrary: fromJsonSchema(schema) },
    { weight: 1, arbitrary: smallGarbage },
  );
}

function partsOf(world: World, schema: z.ZodType | undefined): fc.Arbitrary<Record<string, unknown>> {
  if (!schema) return fc.constant({});
  const json = toJsonSchema(schema);
  const entries = Object.entries(json.properties ?? {}).map(([name, s]) => [name, part(world, name, s)] as const);
  return fc.record(Object.fromEntries(entries), { requiredKeys: [] }).chain((values) =>
    // Now and then a key no schema names.
    fc
      .option(fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 })), { freq: 8 })
      .map((extra) => (extra ? { ...values, [extra[0]]: extra[1] } : values)),
  );
}

const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/** The schema a body of this route and these parameters is read with. */
function bodySchema(route: Route, params: Record<string, unknown>, world: World): JsonSchema | undefined {
  if (route.path === '/api/tasks/{id}/complete') {
    const action = world.tasks.find((t) => t.id === params.id)?.action;
    return action ? toJsonSchema(allActions[action].schema) : undefined;
  }
  // Own keys only: a generated `constructor` or `__proto__` names no process type or action.
  if (route.path === '/api/processes/{type}') {
    const type = String(params.type);
    return Object.hasOwn(processDefinitions, type)
      ? toJsonSchema(processDefinitions[type as keyof typeof processDefinitions]!.inputSchema)
      : undefined;
  }
  if (route.path === '/api/processes/{id}/actions/{action}') {
    const action = String(params.action);
    return Object.hasOwn(allActions, action) ? toJsonSchema(allActions[action].schema) : undefined;
  }
  return route.body ? toJsonSchema(route.body) : undefined;
}

function bodyFor(route: Route, params: Record<string, unknown>, world: World): fc.Arbitrary<Body | undefined> {
  if (route.method !== 'post') return fc.constant(undefined);
  const schema = bodySchema(route, params, world);
  return fc.oneof(
    { weight: 8, arbitrary: (schema ? fromJsonSchema(schema) : garbage).map((json) => ({ json })) },
    { weight: 2, arbitrary: garbage.map((json) => ({ json })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Body>(
        { raw: '{"unterminated": ', contentType: 'application/json' },
        { raw: 'not json at all', contentType: 'application/json' },
        { raw: '{"a":1}', contentType: 'application/json; charset=klingon' },
        { raw: '{"a":1}', contentType: 'text/plain' },
        { raw: `{"pad":"${'x'.repeat(1_100_000)}"}`, contentType: 'application/json' },
        { raw: '\u0000\u0001', contentType: 'application/x-www-form-urlencoded' },
      ),
    },
  );
}

/** A lone surrogate has no UTF-8 form, so no URL can carry it: it travels as U+FFFD. */
const encode = (text: string) =>
  encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

function pathOf(route: Route, params: Record<string, unknown>): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? encode(asText(params[name])) || '%20' : name));
}

function queryOf(query: Record<string, unknown>): string {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encode(key)}=${encode(asText(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

export function requestFor(route: Route, world: World): fc.Arbitrary<FuzzRequest> {
  const user = fc.oneof(
    { weight: 10, arbitrary: oneOf(() => world.usernames, 'ftz.staff') },
    { weight: 1, arbitrary: fc.constantFrom<string | null>(null, 'forged') },
  );
  return fc
    .record({ params: partsOf(world, route.params), query: partsOf(world, route.query), user, mangled: fc.nat({ max: 40 }) })
    .chain(({ params, query, user, mangled }) =>
      bodyFor(route, params, world).map((body) => {
        // One request in forty has an escaped path that does not decode.
        const path = mangled === 0 && route.path.includes('{') ? route.path.replace(/\{\w+\}/, '%E0%A4%A') : pathOf(route, params);
        return {
          route: route.path,
          method: route.method.toUpperCase() as 'GET' | 'POST',
          path: path + queryOf(query),
          user,
          body,
          id: params.id,
        };
      }),
    );
}

/** Any route of the table, or a path no route has. */
export function anyRequest(routes: Route[], world: World): fc.Arbitrary<FuzzRequest> {
  const unknown = fc
    .record({
      method: fc.constantFrom<'GET' | 'POST'>('GET', 'POST'),
      path: fc.oneof(
        fc.constantFrom('/api', '/api/', '/api/nothing', '/api/tasks/', '/api/processes/x/y/z'),
        fc.webPath().map((p) => `/api${p}`),
      ),
      user: fc.constantFrom<string | null>('ftz.staff', null),
    })
    .map((r) => ({ ...r, route: '(none)', body: r.method === 'POST' ? { json: {} } : undefined }));
  return fc.oneof({ weight: 1, arbitrary: unknown }, ...routes.map((route) => ({ weight: 3, arbitrary: requestFor(route, world) })));
}
