import { createHash, randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Db } from '../store/db';
import type { User } from './auth';
import { HttpError } from './errors';

const MAX_KEY_LENGTH = 200;

/**
 * The request id of an action: from the caller's `Idempotency-Key`, bound on first use to that
 * request (method, path, body), so that the same key sent again with the same request acts once, and
 * with another request is a 422 naming the conflict rather than a 200 that did nothing. Namespaced by
 * the caller: two users' keys never meet. Without a key, a fresh id.
 */
export async function requestIdOf(db: Db, user: User, req: Request, body: unknown): Promise<string> {
  const key = req.header('idempotency-key');
  if (key === undefined) return randomUUID();
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new HttpError(400, 'BAD_REQUEST', `Idempotency-Key is 1 to ${MAX_KEY_LENGTH} characters`, [{ path: 'headers.idempotency-key', message: 'length' }]);
  }
  const request = `${req.method} ${req.baseUrl}${req.path} ${createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex')}`;
  await db.query('INSERT INTO idempotency_keys (user_id, key, request) VALUES ($1, $2, $3) ON CONFLICT (user_id, key) DO NOTHING', [user.id, key, request]);
  const [first] = await db.query<{ request: string }>('SELECT request FROM idempotency_keys WHERE user_id = $1 AND key = $2', [user.id, key]);
  if (first && first.request !== request) {
    throw new HttpError(422, 'IDEMPOTENCY_KEY_REUSED', `Idempotency-Key ${key} was first sent with another request (${first.request.split(' ').slice(0, 2).join(' ')})`, {
      idempotencyKey: key,
      firstRequest: first.request.split(' ').slice(0, 2).join(' '),
    });
  }
  return createHash('sha256').update(`${user.id}\n${key}`).digest('hex').slice(0, 32);
}

export const hasIdempotencyKey = (req: Request) => req.header('idempotency-key') !== undefined;
