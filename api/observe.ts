import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Log } from '../platform/log';
import type { User } from './auth';
import type { ApiMetrics } from './metrics';

/** A caller's own request id is kept when it is a plain token; otherwise one is made. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Gives every request an id (`X-Request-Id`, echoed back) and a logger that carries it, then on
 * finish records its latency under the route's template (never the raw path, which would make a
 * series per process id) and logs one line with the user and, for a process route, the workflow id.
 * Reads that succeed are logged at debug: the console polls, and its reads would drown the rest.
 */
export function observeRequests(log: Log, metrics: ApiMetrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const offered = req.header('x-request-id');
    const requestId = offered && REQUEST_ID.test(offered) ? offered : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    res.locals.log = log.child({ requestId });
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(req, res);
      metrics.httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      const user = res.locals.user as User | undefined;
      const workflowId = route.startsWith('/api/processes/{id}') ? (res.locals.params as { id?: string } | undefined)?.id : undefined;
      const level = levelOf(req.method, res.statusCode);
      (res.locals.log as Log)[level](
        {
          method: req.method,
          // A route whose path holds a credential (the UI's codec key) names its template instead.
          path: (res.locals.logPath as string | undefined) ?? req.originalUrl,
          route,
          status: res.statusCode,
          durationMs: Math.round(seconds * 1000),
          ...(user ? { userId: user.id, orgId: user.orgId } : {}),
          ...(workflowId ? { workflowId } : {}),
        },
        'request',
      );
    });
    next();
  };
}

/** Server faults are errors; an engine or database away (503) is a warning, its cause is elsewhere. */
function levelOf(method: string, status: number): 'error' | 'warn' | 'info' | 'debug' {
  if (status === 503) return 'warn';
  if (status >= 500) return 'error';
  return method === 'GET' && status < 400 ? 'debug' : 'info';
}

/** The route table's template when one answered (set by `mount`), else a fixed name per kind. */
function routeLabel(req: Request, res: Response): string {
  if (typeof res.locals.route === 'string') return res.locals.route;
  if (req.path.startsWith('/console/')) return '/console';
  if (['/', '/docs', '/openapi.json'].includes(req.path)) return req.path;
  return 'unmatched';
}
