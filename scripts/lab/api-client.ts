/* eslint-disable @typescript-eslint/no-explicit-any -- bodies of every route come through here; callers check what they read */
import { randomUUID } from 'node:crypto';

/**
 * A client of the running API as the benchmarks, the chaos run and the fuzzer use it: logins per
 * demo user, JSON in and out. With `retry`, a request that found the engine or the database away
 * (a 503, a refused or reset connection) is sent again with the same Idempotency-Key, as the API
 * asks of its clients, so a completion acts once however often it is sent.
 */
export interface Answer<T = any> {
  status: number;
  body: T;
}

export interface RetryPolicy {
  /** Give up after this long; every wait between attempts is `intervalMs`. */
  forMs: number;
  intervalMs: number;
  /** Called once per retried attempt, for the counts a run prints. */
  onRetry?: (why: string) => void;
}

export interface UserClient {
  username: string;
  get<T = any>(path: string): Promise<Answer<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
}

export interface Api {
  baseUrl: string;
  as(username: string): Promise<UserClient>;
  /** The user's bearer token, for a load tool. */
  token(username: string): Promise<string>;
  /** A request with no token, or a given one. */
  raw(method: string, path: string, options?: { token?: string; body?: string; headers?: Record<string, string> }): Promise<Answer>;
}

export function apiAt(baseUrl: string, options: { password?: string; retry?: RetryPolicy } = {}): Api {
  const password = options.password ?? 'demo';

  async function once(
    method: string,
    path: string,
    init: { token?: string; body?: string; headers?: Record<string, string> },
  ): Promise<Answer> {
    const response = await fetch(baseUrl + path, {
      method,
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
      body: init.body,
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.startsWith('application/json');
    return { status: response.status, body: text && json ? JSON.parse(text) : text };
  }

  async function send(
    method: string,
    path: string,
    init: { token?: string; body?: string; headers?: Record<string, string> },
  ): Promise<Answer> {
    const retry = options.retry;
    if (!retry) return once(method, path, init);
    const headers = method === 'POST' ? { 'idempotency-key': randomUUID(), ...init.headers } : init.headers;
    const deadline = Date.now() + retry.forMs;
    for (;;) {
      let why: string;
      try {
        const answer = await once(method, path, { ...init, headers });
        if (answer.status !== 503) return answer;
        why = `503 ${String(answer.body?.error?.code)}`;
      } catch (error) {
        why = String((error as { cause?: { code?: string } }).cause?.code ?? error);
      }
      if (Date.now() > deadline) throw new Error(`${method} ${path}: still failing after ${retry.forMs} ms (${why})`);
      retry.onRetry?.(why);
      await new Promise((resolve) => setTimeout(resolve, retry.intervalMs));
    }
  }

  const tokens = new Map<string, Promise<string>>();
  async function tokenOf(username: string): Promise<string> {
    let token = tokens.get(username);
    if (!token) {
      token = send('POST', '/api/auth/login', { body: JSON.stringify({ username, password }) }).then((answer) => {
        if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
        return answer.body.token as string;
      });
      tokens.set(username, token);
      token.catch(() => tokens.delete(username));
    }
    return token;
  }

  return {
    baseUrl,
    async as(username) {
      const token = await tokenOf(username);
      return {
        username,
        get: (path) => send('GET', path, { token }),
        post: (path, body, headers) => send('POST', path, { token, body: JSON.stringify(body ?? {}), headers }),
      };
    },
    token: tokenOf,
    raw: (method, path, init = {}) => once(method, path, init),
  };
}
