import { createSecretKey, type KeyObject } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { roleSchema, type Actor } from '../domain/identity';
import type { Queryable } from '../store/db';
import { unauthenticated } from './errors';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  orgId: z.string(),
  roles: z.array(roleSchema),
});
export type User = z.infer<typeof userSchema>;

export interface TokenSettings {
  secret: string;
  /** e.g. `8h` */
  ttl: string;
}

/** `version` is the user's `token_version`: a logout moves it on, and every token issued before stops. */
export function issueToken(user: User, settings: TokenSettings, version: number): string {
  return jwt.sign({ username: user.username, orgId: user.orgId, roles: user.roles, ver: version }, settings.secret, {
    subject: user.id,
    expiresIn: settings.ttl as jwt.SignOptions['expiresIn'],
    algorithm: 'HS256',
  });
}

/**
 * The secret as a key object, made once: given a string, jsonwebtoken first tries to read it as a
 * public key and throws, for every request (a sixth of the inbox's CPU under load).
 */
const secretKeys = new Map<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) secretKeys.set(secret, (key = createSecretKey(Buffer.from(secret))));
  return key;
}

function verifyToken(token: string, settings: TokenSettings): { id: string; version: unknown } {
  try {
    const claims = jwt.verify(token, secretKey(settings.secret), { algorithms: ['HS256'] }) as jwt.JwtPayload;
    if (typeof claims.sub !== 'string') throw new Error('no subject');
    return { id: claims.sub, version: claims.ver };
  } catch (error) {
    const expired = error instanceof jwt.TokenExpiredError;
    throw unauthenticated(expired ? 'the token has expired: log in again' : 'the token is not valid');
  }
}

/**
 * The user a token stands for, as the records say now: a signed token is not enough — its user must
 * exist, be enabled, belong to an active organisation and not have logged out since (its version).
 * Organisation and roles come from the records, so a change applies at the next request.
 */
async function liveUser(db: Queryable, claimed: { id: string; version: unknown }): Promise<User> {
  const [row] = await db.query<{ id: string; username: string; org_id: string; roles: User['roles']; token_version: number }>(
    `SELECT u.id, u.username, u.org_id, u.roles, u.token_version FROM users u JOIN organizations o ON o.id = u.org_id
     WHERE u.id = $1 AND NOT u.disabled AND o.active`,
    [claimed.id],
  );
  if (!row) throw unauthenticated('the token’s user is unknown or disabled');
  if (row.token_version !== claimed.version) throw unauthenticated('the token was revoked (logged out): log in again');
  return { id: row.id, username: row.username, orgId: row.org_id, roles: row.roles };
}

/** Sets `res.locals.user` from the bearer token, or refuses with 401; nothing of the request is read before. */
export function requireUser(settings: TokenSettings, db: Queryable) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.header('authorization') ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token) return next(unauthenticated('an Authorization: Bearer token is required'));
    try {
      res.locals.user = await liveUser(db, verifyToken(token, settings));
      next();
    } catch (error) {
      next(error);
    }
  };
}

export function actorOf(user: User): Actor {
  return { userId: user.id, orgId: user.orgId, roles: user.roles };
}

export const isAuditor = (user: User) => user.roles.includes('auditor');
export const isAdmin = (user: User) => user.roles.includes('admin');
