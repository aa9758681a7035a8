import { createHash, randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Db, Queryable } from '../store/db';
import { bindKeyRow, firstRequestOf } from '../store/idempotency-keys';
import type { User } from './auth';
import { refused } from './errors';

const MAX_KEY_LENGTH = 200;

/**
 * The request id of an action, from the caller's `Idempotency-Key`: the same key sent again with the
 * same request (method, path, body) acts once; with another request it is a 422 naming the conflict,
 * never a 200 that did nothing. The key is bound to its request by `bind`, called once the request
 * succeeded (an action's binding goes to `runAction`, which binds it once the step is recorded), so a
 * refused request leaves nothing behind; the id also covers the request, so two
 * different requests racing with one key never pass for each other. Namespaced by the caller: two
 * users' keys never meet. Without a key, a fresh id.
 */
export async function idempotencyOf(
  db: Db,
  user: User,
  req: Request,
  body: unknown,
  /** The key's first request, already read with another query (`keyToRead`): saves this read's round trip. */
  known?: { firstRequest: string | null },
): Promise<{ requestId: string; bind(): Promise<void>; binding?: KeyBinding }> {
  const key = req.header('idempotency-key');
  if (key === undefined) return { requestId: randomUUID(), bind: async () => undefined };
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw refused('IDEMPOTENCY_KEY_LENGTH', { max: MAX_KEY_LENGTH }, 'headers.idempotency-key');
  }
  const request = requestFingerprint(req.method, `${req.baseUrl}${req.path}`, body);
  const first = known ? known.firstRequest : await firstRequestOf(db, user.id, key);
  if (first !== null && first !== request) {
    const firstRoute = first.split(' ').slice(0, 2).join(' ');
    throw refused('IDEMPOTENCY_KEY_REUSED', { key, route: firstRoute }, undefined, { idempotencyKey: key, firstRequest: firstRoute });
  }
  const binding = { userId: user.id, key, request };
  return {
    requestId: requestIdFor(user.id, key, request),
    bind: () => bindKey(db, binding),
    binding,
  };
}

/** What `bind` writes: the key, its caller and its request. */
export interface KeyBinding {
  userId: string;
  key: string;
  request: string;
}

/** Binds a key to its request; a key already bound stays as it is. */
export async function bindKey(db: Queryable, binding: KeyBinding): Promise<void> {
  await bindKeyRow(db, binding);
}

/**
 * The caller and key whose first request a route may read in its own first query (a scalar subquery on
 * `idempotency_keys`), handing it to `idempotencyOf` as `known`; nothing when the request has no
 * well-formed key (`idempotencyOf` then says why, in its turn).
 */
export function keyToRead(user: User, req: Request): { userId: string; key: string } | undefined {
  const key = req.header('idempotency-key');
  return key && key.length <= MAX_KEY_LENGTH ? { userId: user.id, key } : undefined;
}

/** What a key is bound to: the method, the path and the body's digest. */
export const requestFingerprint = (method: string, path: string, body: unknown): string =>
  `${method} ${path} ${createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex')}`;

/** The update id a keyed request acts under: the caller's, the key's and the request's. */
export const requestIdFor = (userId: string, key: string, fingerprint: string): string =>
  createHash('sha256').update(`${userId}\n${key}\n${fingerprint}`).digest('hex').slice(0, 32);

export const hasIdempotencyKey = (req: Request) => req.header('idempotency-key') !== undefined;
