/**
 * Idempotency keys as api/idempotency.ts binds them (a caller's key to its first request), and the
 * steps an action's answer names (api/run-action.ts): found, and the key bound, in one statement.
 * Rows are parsed, not cast.
 */
import { z } from 'zod';
import type { Queryable } from './db';
import { firstOf } from './rows';

/** A key bound to its caller and request. */
export interface KeyBindingRow {
  userId: string;
  key: string;
  request: string;
}

const READ_KEY = 'SELECT request FROM idempotency_keys WHERE user_id = $1 AND key = $2';
const BIND_KEY = 'INSERT INTO idempotency_keys (user_id, key, request) VALUES ($1, $2, $3) ON CONFLICT (user_id, key) DO NOTHING';

/** The request a caller's key was first bound to; null when the key is unbound. */
export async function firstRequestOf(q: Queryable, userId: string, key: string): Promise<string | null> {
  return (await firstOf(q, z.object({ request: z.string() }), READ_KEY, [userId, key]))?.request ?? null;
}

/** Binds a key to its request; a key already bound stays as it is. */
export async function bindKeyRow(q: Queryable, binding: KeyBindingRow): Promise<void> {
  await q.query(BIND_KEY, [binding.userId, binding.key, binding.request]);
}

const stepRow = z.object({ key: z.string() });

/** A step the records hold, by its key; null when they do not. */
export function recordedStep(q: Queryable, step: string): Promise<{ key: string } | null> {
  return firstOf(q, stepRow, 'SELECT key FROM step_results WHERE key = $1', [step]);
}

const FIND_STEP_AND_BIND_KEY = `WITH step AS (SELECT key FROM step_results WHERE key = $1),
  bound AS (INSERT INTO idempotency_keys (user_id, key, request) SELECT $2, $3, $4 WHERE EXISTS (SELECT 1 FROM step)
    ON CONFLICT (user_id, key) DO NOTHING)
  SELECT key FROM step`;

/** As `recordedStep`; when the records hold the step, the key is bound too (in the same statement: one round trip). */
export function recordedStepBindingKey(q: Queryable, step: string, binding: KeyBindingRow): Promise<{ key: string } | null> {
  return firstOf(q, stepRow, FIND_STEP_AND_BIND_KEY, [step, binding.userId, binding.key, binding.request]);
}
