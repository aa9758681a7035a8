import type { Request, Response } from 'express';
import type { Log } from '../platform/log';
import type { User } from './auth';
import type { HttpError } from './errors';

/** Unauthenticated, forbidden, too many attempts: what a refused caller tried is worth a line of its own. */
export const REFUSALS = [401, 403, 429];

/**
 * One warning per refused attempt, with who (the user, or the username a failed login gave, and the
 * address) and what (the route, its ids, and the reason given to the caller). Passwords and tokens
 * are never in it.
 */
export function logRefusal(req: Request, res: Response, http: HttpError): void {
  const user = res.locals.user as User | undefined;
  const attempted = res.locals.attemptedUsername as string | undefined;
  (res.locals.log as Log).warn(
    {
      status: http.status,
      code: http.code,
      reason: http.message,
      method: req.method,
      route: typeof res.locals.route === 'string' ? res.locals.route : req.path,
      ...(res.locals.params ? { params: res.locals.params } : {}),
      address: req.ip,
      ...(user ? { userId: user.id, orgId: user.orgId, roles: user.roles } : {}),
      ...(attempted ? { username: attempted } : {}),
    },
    'refused',
  );
}
