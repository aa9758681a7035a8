import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { roleSchema, type Actor } from '../domain/identity';
import { durationMs } from '../platform/config';
import type { Queryable } from '../store/db';
import { sessionUser } from '../store/users';
import { refused } from './errors';

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

/** Each token has its own id (`jti`): a logout revokes that one session, not the user's others. */
export function issueToken(user: User, settings: TokenSettings): string {
  return jwt.sign({ username: user.username, orgId: user.orgId, roles: user.roles }, settings.secret, {
    jwtid: randomUUID(),
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

export interface Session {
  userId: string;
  tokenId: string;
  /** When the token expires: a revocation need not be kept longer. */
  expiresAt: Date;
}

/**
 * Tokens whose signature was checked, by secret and token: checking an HS256 signature with
 * jsonwebtoken was a twentieth of the API's CPU under load, and a token's signature does not change.
 * Its expiry is checked again at each use, and its user and revocation (`liveUser`) every time; at
 * most `VERIFIED_MAX` are kept (the oldest go first).
 */
const VERIFIED_MAX = 10_000;
const verified = new Map<string, Session>();

function verifyToken(token: string, settings: TokenSettings): Session {
  const cacheKey = `${settings.secret}\n${token}`;
  const known = verified.get(cacheKey);
  if (known && known.expiresAt.getTime() > Date.now()) return known;
  verified.delete(cacheKey);
  const session = verifySignature(token, settings);
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
  verified.set(cacheKey, session);
  return session;
}

function verifySignature(token: string, settings: TokenSettings): Session {
  try {
    const claims = jwt.verify(token, secretKey(settings.secret), { algorithms: ['HS256'] }) as jwt.JwtPayload;
    if (typeof claims.sub !== 'string' || typeof claims.jti !== 'string' || typeof claims.exp !== 'number')
      throw new Error('claims missing');
    return { userId: claims.sub, tokenId: claims.jti, expiresAt: new Date(claims.exp * 1000) };
  } catch (error) {
    const expired = error instanceof jwt.TokenExpiredError;
    throw refused(expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID', {}, 'headers.authorization');
  }
}

/**
 * The user a token stands for, as the records say now: a signed token is not enough — its user must
 * exist, be enabled, belong to an active organisation, and the token must not have been logged out.
 * Organisation and roles come from the records, so a change applies at the next request. One query.
 */
async function liveUser(db: Queryable, session: Session): Promise<User> {
  const row = await sessionUser(db, session.userId, session.tokenId);
  if (!row) throw refused('TOKEN_USER_UNKNOWN', {}, 'headers.authorization');
  if (row.revoked) throw refused('TOKEN_REVOKED', {}, 'headers.authorization');
  return { id: row.id, username: row.username, orgId: row.org_id, roles: row.roles };
}

/** The console's session: the token in an HttpOnly cookie, out of reach of the page's scripts. */
export const SESSION_COOKIE = 'cz_session';

export function sessionCookie(token: string | null, settings: TokenSettings, secure: boolean): string {
  const lifetime = token ? Math.round(durationMs(settings.ttl) / 1000) : 0;
  // SameSite=Strict: no other site's page can make the browser send it (no cross-site request forgery).
  return `${SESSION_COOKIE}=${token ?? ''}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${lifetime}${secure ? '; Secure' : ''}`;
}

/** The request's token: its `Authorization: Bearer` header, else the console's session cookie. */
export function tokenOf(req: Request): string | undefined {
  const bearer = /^Bearer (.+)$/i.exec(req.header('authorization') ?? '')?.[1];
  if (bearer) return bearer;
  const cookies = (req.header('cookie') ?? '').split(';').map((part) => part.trim().split('='));
  return cookies.find(([name]) => name === SESSION_COOKIE)?.[1] || undefined;
}

/** Sets `res.locals.user` from the token, or refuses with 401; nothing of the request is read before. */
export function requireUser(settings: TokenSettings, db: Queryable) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = tokenOf(req);
    if (!token) return next(refused('LOGIN_NEEDED', {}, 'headers.authorization'));
    try {
      const session = verifyToken(token, settings);
      res.locals.user = await liveUser(db, session);
      res.locals.session = session;
      next();
    } catch (error) {
      next(error);
    }
  };
}

export function actorOf(user: User): Actor {
  return { userId: user.id, orgId: user.orgId, roles: user.roles };
}
