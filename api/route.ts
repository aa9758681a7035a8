import type { OrganisationKeyring } from '../audit/organisation-keys';
import type { KeyObject } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { Client } from '@temporalio/client';
import type { SigningKey } from '../audit/signing';
import type { WorkflowCode } from '../audit/workflow-code';
import type { Log } from '../platform/log';
import type { AttachmentFiles } from '../store/attachment-files';
import type { Db } from '../store/db';
import { requireRouteRole, ruleOf } from './access';
import type { TokenSettings, User } from './auth';
import { HttpError, invalidInput, zodDetails } from './errors';
import { refuseUnstorableInput } from './input-guard';
import type { LoginLimits } from './login-limit';
import type { ApiMetrics } from './metrics';

/** What every handler may use; the API process builds it once. */
export interface ApiDeps {
  db: Db;
  client: Client;
  taskQueue: string;
  token: TokenSettings;
  temporalUiUrl?: string;
  /** Where request lines go; errors only unless given. */
  log?: Log;
  /** When set, GET /metrics wants it as a bearer token. */
  metricsToken?: string;
  /** Failed logins allowed per username and address (api/login-limit.ts); the defaults unless given. */
  loginLimits?: LoginLimits;
  /** Where attached files are kept (store/attachment-files.ts); without it uploads answer 501. */
  attachments?: AttachmentFiles;
  /** What audit exports and verification need (api/routes/audit.ts); without it they answer 501. */
  audit?: AuditDeps;
  /** Outside systems that call in, by client id → shared HMAC secret (api/inbound.ts); none: every such call is a 401. */
  systemClients?: Readonly<Record<string, string>>;
}

export interface AuditDeps {
  /** Signs exports; its public key is trusted by verification. */
  signingKey: SigningKey;
  /** More public keys whose bundles verification trusts (an earlier signing key, say). */
  trustedKeys?: KeyObject[];
  /** The workflow code replays run against, loaded once per process. */
  workflowCode: () => Promise<WorkflowCode>;
  /** The organisations' document-signing keys; by default derived from signingKey (development). */
  organisationKeys?: OrganisationKeyring;
}

/** What handlers get: the process's dependencies and what the app made of them. */
export type RouteDeps = ApiDeps & { metrics: ApiMetrics };

type Shape = z.ZodObject<z.ZodRawShape>;

const ENGINE_DEADLINE_MS = 10_000;
/** A task payload or a launch is a few kilobytes; a memorandum with its procedures, tens. */
export const DEFAULT_BODY_LIMIT = '256kb';

export interface Route<P extends Shape = Shape, Q extends Shape = Shape, B extends z.ZodType = z.ZodType> {
  method: 'get' | 'post';
  /** OpenAPI style, e.g. `/api/zones/{code}`. */
  path: string;
  summary: string;
  tag: string;
  /** Reachable without a token. */
  public?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * What /openapi.json publishes as the body when `body` reads it as unknown because a path part
   * chooses its schema (a process type, an action): one variant per choice, titled by it.
   */
  documentedBody?: () => z.ZodType;
  response: z.ZodType;
  /** The success status; 200 unless said. */
  status?: number;
  /** A media type other than JSON (the response schema then describes a string), or several: the handler sets the one it sends. */
  produces?: string | string[];
  /** The largest body read, once the caller is known to be allowed (`DEFAULT_BODY_LIMIT` unless said). */
  bodyLimit?: string;
  /** The body is a file of one of these media types, read as bytes up to `limit` (instead of JSON). */
  upload?: { types: string[]; limit: number };
  /** Keeps the body's bytes as sent (`req.rawBody`): what a signature covers. */
  rawBody?: boolean;
  /** Beside JSON, a body of these media types is read as bytes (a Buffer) up to `limit`. */
  alsoBytes?: { types: string[]; limit: number };
  handler(context: {
    params: z.infer<P>;
    query: z.infer<Q>;
    body: z.infer<B>;
    user: User;
    deps: RouteDeps;
    req: Request;
    res: Response;
  }): Promise<unknown>;
}

export function defineRoute<P extends Shape, Q extends Shape, B extends z.ZodType>(route: Route<P, Q, B>): Route {
  return route as unknown as Route;
}

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, location: string): z.infer<T> {
  if (!schema) return {} as z.infer<T>;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error, location, location);
  return parsed.data;
}

const expressPath = (route: Route) => route.path.replace(/\{(\w+)\}/g, ':$1');

/**
 * Notes which route of the table a request is for, before authentication refuses any: its log line
 * and latency series name the template and the parsed ids. The first route that matches, as in `mount`.
 */
export function labelRoutes(router: Router, routes: Route[]): void {
  for (const route of routes) {
    router[route.method](expressPath(route), (req, res, next) => {
      res.locals.route ??= route.path;
      res.locals.params ??= req.params;
      next();
    });
  }
}

/**
 * Mounts routes. In this order, so that nothing of a request is read before it may be: the caller's
 * roles checked against the route's declared rule (api/access.ts; the token was checked before any
 * route); then the body read, up to the route's limit; then input no store can hold refused, without
 * recursion; then input parsed by the route's schemas (400 with field paths) and output checked by its
 * schema.
 */
export function mount(router: Router, routes: Route[], deps: RouteDeps): void {
  for (const route of routes) {
    const rule = ruleOf(route.method, route.path);
    const allowed = (req: Request, res: Response, next: NextFunction) => {
      try {
        if (!route.public) requireRouteRole(rule, res.locals.user as User, `${route.method.toUpperCase()} ${route.path}`, req.params);
        next();
      } catch (error) {
        next(error);
      }
    };
    const body = route.upload
      ? express.raw({ type: () => true, limit: route.upload.limit })
      : express.json({
          limit: route.bodyLimit ?? DEFAULT_BODY_LIMIT,
          ...(route.rawBody ? { verify: (req: Request, _res: Response, bytes: Buffer) => Object.assign(req, { rawBody: bytes }) } : {}),
        });
    const bytes = route.alsoBytes ? [express.raw({ type: route.alsoBytes.types, limit: route.alsoBytes.limit })] : [];
    router[route.method](expressPath(route), allowed, ...bytes, body, refuseUnstorableInput, async (req, res, next) => {
      try {
        // An engine that does not answer gives a 503 in seconds instead of the client's long retries.
        const result = await deps.client.withDeadline(Date.now() + ENGINE_DEADLINE_MS, () =>
          route.handler({
            params: parse(route.params, req.params, 'params'),
            query: parse(route.query, req.query, 'query'),
            body: parse(route.body, req.body ?? {}, 'body'),
            user: res.locals.user as User,
            deps,
            req,
            res,
          }),
        );
        const checked = route.response.safeParse(result);
        if (!checked.success) {
          throw new HttpError(
            500,
            'INTERNAL',
            `response of ${route.method.toUpperCase()} ${route.path} broke its schema`,
            zodDetails(checked.error, 'response'),
          );
        }
        // A handler may answer another success status than the route's (`res.locals.status`: 200 for a repeat of a 201).
        res.status(res.statusCode >= 400 ? res.statusCode : ((res.locals.status as number | undefined) ?? route.status ?? 200));
        if (route.produces) {
          if (!res.get('content-type')) res.type([route.produces].flat()[0]);
          res.send(checked.data);
        } else res.json(checked.data);
      } catch (error) {
        next(error);
      }
    });
  }
}
