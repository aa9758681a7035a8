/**
 * Failed logins by key (`user:<name>`, `address:<ip>`), as api/login-limit.ts counts them in a sliding
 * window: the statements of its one transaction, and the release on success. Rows are parsed, not cast.
 */
import { z } from 'zod';
import type { Queryable } from './db';
import { firstOf, instant } from './rows';

/** Holds the key's advisory lock until the transaction ends. */
export async function lockKey(tx: Queryable, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}

/** The `nth` latest failure of a key since a moment (0 the latest); null when there are not that many. */
export async function nthLatestFailure(tx: Queryable, key: string, since: Date, nth: number): Promise<Date | null> {
  const row = await firstOf(
    tx,
    z.object({ at: instant }),
    'SELECT at FROM login_failures WHERE key = $1 AND at > $2 ORDER BY at DESC OFFSET $3 LIMIT 1',
    [key, since, nth],
  );
  return row?.at ?? null;
}

/** Forgets the keys' failures that aged out of the window and records one more attempt for each. */
export async function recordAttempt(tx: Queryable, keys: [string, string], since: Date, at: Date): Promise<void> {
  await tx.query('DELETE FROM login_failures WHERE key = ANY($1) AND at <= $2', [keys, since]);
  await tx.query('INSERT INTO login_failures (key, at) VALUES ($1, $3), ($2, $3)', [keys[0], keys[1], at]);
}

/** Clears a username's failures and gives back the address's one attempt made at `at`. */
export async function releaseAttempt(q: Queryable, userKey: string, addressKey: string, at: Date): Promise<void> {
  await q.query('DELETE FROM login_failures WHERE key = $1 OR (key = $2 AND at = $3)', [userKey, addressKey, at]);
}
