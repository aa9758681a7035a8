import { durationMs, type Config } from '../platform/config';
import type { Db } from '../store/db';
import { lockKey, nthLatestFailure, recordAttempt, releaseAttempt } from '../store/login-failures';
import { HttpError, refused } from './errors';

export interface LoginLimits {
  /** Failures of one username within the window before it must wait. */
  perUser: number;
  /** Failures from one address within the window before it must wait. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perUser: 5, perAddress: 50, windowMs: 15 * 60_000 };

/** Too many failed logins: a 429 (`TOO_MANY_LOGINS`) that says when to try again. */
export class TooManyAttempts extends HttpError {
  constructor(
    by: 'address' | 'username',
    value: string,
    readonly retryAfterSeconds: number,
  ) {
    const said = refused('TOO_MANY_LOGINS', { by, value, retryAfterSeconds });
    super(429, 'TOO_MANY_ATTEMPTS', { en: said.message, zh: said.zh! }, { retryAfterSeconds });
    this.refusal = said.refusal;
  }
}

const keys = (username: string, address: string) => ({ user: `user:${username}`, address: `address:${address}` });

/**
 * Takes one attempt from the username's and the address's allowance, or refuses with a 429 while
 * either has used up its failures in the sliding window — before the password is even checked, so
 * that a guesser learns nothing more while it waits. Atomic: the check and the taking are one
 * transaction under an advisory lock per key, so 30 concurrent guesses get exactly the allowance, not
 * as many as slip between a check and a write. The attempt counts as a failure until the login
 * succeeds (`releaseLoginAttempt`).
 */
export async function takeLoginAttempt(db: Db, limits: LoginLimits, username: string, address: string): Promise<LoginAttempt> {
  const key = keys(username, address);
  const now = new Date();
  const since = new Date(now.getTime() - limits.windowMs);
  return db.transaction(async (tx) => {
    // Always the username's lock first, then the address's: no two logins wait for each other in a cycle.
    for (const which of [key.user, key.address]) await lockKey(tx, which);
    for (const [which, limit, by, value] of [
      [key.user, limits.perUser, 'username', username],
      [key.address, limits.perAddress, 'address', address],
    ] as const) {
      // The failure that must age out of the window before one more attempt is allowed.
      const blocking = await nthLatestFailure(tx, which, since, limit - 1);
      if (blocking) {
        const seconds = Math.max(1, Math.ceil((blocking.getTime() + limits.windowMs - now.getTime()) / 1000));
        throw new TooManyAttempts(by, value, seconds);
      }
    }
    await recordAttempt(tx, [key.user, key.address], since, now);
    return { username, address, at: now };
  });
}

/**
 * Logins of one username, one at a time in this process: each sees the outcome of the one before, so
 * eight tabs logging in at once all succeed, while thirty concurrent guesses still get five tries.
 * (Across API replicas the attempts taken in the records store bound them the same way.)
 */
const queues = new Map<string, Promise<unknown>>();
export function oneAtATime<T>(username: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(username) ?? Promise.resolve();
  const turn = previous.then(work, work);
  const settled = turn.catch(() => undefined);
  queues.set(username, settled);
  void settled.then(() => {
    if (queues.get(username) === settled) queues.delete(username);
  });
  return turn;
}

export interface LoginAttempt {
  username: string;
  address: string;
  at: Date;
}

/**
 * A success gives the attempt back and clears the username's failures (a person who mistyped is not
 * kept waiting), not the address's earlier ones.
 */
export async function releaseLoginAttempt(db: Db, attempt: LoginAttempt): Promise<void> {
  const key = keys(attempt.username, attempt.address);
  await releaseAttempt(db, key.user, key.address, attempt.at);
}

export function loginLimitsOf(
  config: Pick<Config, 'LOGIN_FAILURES_PER_USER' | 'LOGIN_FAILURES_PER_ADDRESS' | 'LOGIN_FAILURE_WINDOW'>,
): LoginLimits {
  return {
    perUser: config.LOGIN_FAILURES_PER_USER,
    perAddress: config.LOGIN_FAILURES_PER_ADDRESS,
    windowMs: durationMs(config.LOGIN_FAILURE_WINDOW),
  };
}
