import { durationMs, type Config } from '../platform/config';
import type { Db } from '../store/db';
import { HttpError } from './errors';

export interface LoginLimits {
  /** Failures of one username within the window before it must wait. */
  perUser: number;
  /** Failures from one address within the window before it must wait. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perUser: 5, perAddress: 50, windowMs: 15 * 60_000 };

/** Too many failed logins: a 429 that says when to try again. */
export class TooManyAttempts extends HttpError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'TOO_MANY_ATTEMPTS', message, { retryAfterSeconds });
  }
}

const keys = (username: string, address: string) => ({ user: `user:${username}`, address: `address:${address}` });

/**
 * Refuses a login while its username or its address has used up its failures in the sliding window,
 * before the password is even checked, so that a guesser learns nothing more while it waits.
 */
export async function checkLoginAllowed(db: Db, limits: LoginLimits, username: string, address: string): Promise<void> {
  const key = keys(username, address);
  const since = new Date(Date.now() - limits.windowMs);
  for (const [which, limit, what] of [
    [key.user, limits.perUser, `username ${username}`],
    [key.address, limits.perAddress, `address ${address}`],
  ] as const) {
    // The failure that must age out of the window before one more attempt is allowed.
    const [blocking] = await db.query<{ at: Date | string }>(
      'SELECT at FROM login_failures WHERE key = $1 AND at > $2 ORDER BY at DESC OFFSET $3 LIMIT 1',
      [which, since, limit - 1],
    );
    if (blocking) {
      const seconds = Math.max(1, Math.ceil((new Date(blocking.at).getTime() + limits.windowMs - Date.now()) / 1000));
      throw new TooManyAttempts(`too many failed logins for ${what}: try again in ${seconds} s`, seconds);
    }
  }
}

export async function recordLoginFailure(db: Db, limits: LoginLimits, username: string, address: string): Promise<void> {
  const key = keys(username, address);
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM login_failures WHERE key = ANY($1) AND at <= $2', [[key.user, key.address], new Date(now.getTime() - limits.windowMs)]);
    await tx.query('INSERT INTO login_failures (key, at) VALUES ($1, $3), ($2, $3)', [key.user, key.address, now]);
  });
}

/** A success clears the username's failures (a person who mistyped is not kept waiting), not the address's. */
export async function recordLoginSuccess(db: Db, username: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE key = $1', [`user:${username}`]);
}

export function loginLimitsOf(config: Pick<Config, 'LOGIN_FAILURES_PER_USER' | 'LOGIN_FAILURES_PER_ADDRESS' | 'LOGIN_FAILURE_WINDOW'>): LoginLimits {
  return { perUser: config.LOGIN_FAILURES_PER_USER, perAddress: config.LOGIN_FAILURES_PER_ADDRESS, windowMs: durationMs(config.LOGIN_FAILURE_WINDOW) };
}
