import { createSecretKey, type KeyObject } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { roleSchema, type Actor } from '../domain/identity';
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

export function issueToken(user: User, settings: TokenSettings): string {
  return jwt.sign({ username: user.username, orgId: user.orgId, roles: user.roles }, settings.secret, {
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

function verifyToken(token: string, settings: TokenSettings): User {
  try {
    const claims = jwt.verify(token, secretKey(settings.secret), { algorithms: ['HS256'] }) as jwt.JwtPayload;
    return userSchema.parse({ id: claims.sub, username: claims.username, orgId: claims.orgId, roles: claims.roles });
  } catch (error) {
    const expired = error instanceof jwt.TokenExpiredError;
    throw unauthenticated(expired ? 'the token has expired: log in again' : 'the token is not valid');
  }
}

/** Sets `res.locals.user` from the bearer token, or refuses with 401. */
export function requireUser(settings: TokenSettings) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.header('authorization') ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token) return next(unauthenticated('an Authorization: Bearer token is required'));
    try {
      res.locals.user = verifyToken(token, settings);
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
