/**
 * The fuzzing loop against the real app: one generated request at a time, each checked for the
 * API's promises. No 5xx, ever. Every 4xx is `{error: {code, message}}`. A refused request changes
 * nothing: not the records store (every table but the failed-login counter, which a refused login
 * is meant to feed) and not the history of any process. Requests that were accepted change things
 * on purpose: the loop waits until their effects have landed, then reads the world again.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import type { Client, WorkflowExecutionDescription } from '@temporalio/client';
import type { Route } from '../../api/route';
import type { Queryable } from '../../store/db';
import { scaled } from '../../test/support/time';
import { anyRequest, type FuzzRequest, type World } from './requests';

export interface FuzzTarget {
  baseUrl: string;
  db: Queryable;
  client: Client;
  routes: Route[];
  usernames: string[];
  password: string;
}

export interface FuzzReport {
  requests: number;
  byStatus: Record<string, number>;
  /** Requests per route template, to show every route was reached. */
  byRoute: Record<string, number>;
  accepted: number;
  failures: string[];
}

const errorShape = z.object({ error: z.object({ code: z.string().min(1), message: z.string().min(1) }) });

/**
 * Tables whose change on a refusal is the point: failed logins are counted to slow guessing, and every
 * call to a system route is logged with why it was refused (a replayed nonce is known by it).
 */
const REFUSAL_COUNTERS = new Set(['login_failures', 'inbound_requests']);

/**
 * Columns that move on their own after the request that caused them has been answered, so a refusal
 * made meanwhile did not change them: a rendered PDF kept for later readers (a cache of what the act
 * fixed), and the delivery state of outbox messages that their delivery workflows retry with backoff.
 */
const ASYNCHRONOUS_COLUMNS: Record<string, string[]> = {
  documents: ['pdf', 'pdf_sha256'],
  outbox: ['status', 'attempts', 'last_error', 'answer', 'last_attempt_at', 'sent_at'],
};

/**
 * Every table's row count and digest in one query, and, with `processIds`, each process's history
 * length: a refused update must leave no trace in history either.
 */
async function fingerprint(target: FuzzTarget, processIds: string[] = []): Promise<{ tables: string; histories: string }> {
  const tables = await target.db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
  );
  const digests = tables
    .filter((t) => !REFUSAL_COUNTERS.has(t.name))
    .map((t) => {
      const row = (ASYNCHRONOUS_COLUMNS[t.name] ?? []).reduce((json, column) => `(${json} - '${column}')`, 'to_jsonb(t)');
      return `SELECT '${t.name}' || '=' || count(*) || ':' || md5(coalesce(string_agg(${row}::text, '|' ORDER BY ${row}::text), '')) AS digest FROM "${t.name}" t`;
    });
  const rows = await target.db.query<{ digest: string }>(digests.join(' UNION ALL '));
  const histories = await Promise.all(
    processIds.map((id) =>
      target.client.workflow
        .getHandle(id)
        .describe()
        .then(
          (d) => `${id}#${d.historyLength}${busy(d) ? ' busy' : ''}`,
          () => `${id}#?`,
        ),
    ),
  );
  return {
    tables: rows
      .map((r) => r.digest)
      .sort()
      .join('\n'),
    histories: histories.join('\n'),
  };
}

async function readWorld(target: FuzzTarget): Promise<World> {
  const processes = await target.db.query<{ id: string }>('SELECT DISTINCT process_id AS id FROM process_events ORDER BY 1');
  const tasks = await target.db.query<{ id: string; action: string; processId: string }>(
    `SELECT id, action, process_id AS "processId" FROM tasks WHERE status = 'open' ORDER BY id`,
  );
  const zones = await target.db.query<{ code: string }>('SELECT code FROM zones ORDER BY code');
  return { processIds: processes.map((p) => p.id), tasks, zoneCodes: zones.map((z) => z.code), usernames: target.usernames };
}

async function login(target: FuzzTarget, username: string): Promise<string> {
  const response = await fetch(`${target.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: target.password }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

async function send(target: FuzzTarget, request: FuzzRequest, tokens: Map<string, string>) {
  const headers: Record<string, string> = {};
  const token =
    request.user === 'forged'
      ? jwt.sign({ username: 'city.admin', orgId: 'city', roles: ['admin'] }, randomBytes(32).toString('hex'), { subject: 'city.admin' })
      : request.user
        ? tokens.get(request.user)
        : undefined;
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (request.body && 'raw' in request.body) {
    headers['content-type'] = request.body.contentType;
    body = request.body.raw;
  } else if (request.body) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.body.json) ?? 'null';
  }
  const response = await fetch(target.baseUrl + request.path, { method: request.method, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

/** A process with a workflow task or an activity still to run: an accepted request's work is not done. */
const busy = (d: WorkflowExecutionDescription) => Boolean(d.raw.pendingWorkflowTask) || (d.raw.pendingActivities?.length ?? 0) > 0;

/**
 * Waits until no process is busy and two readings a little apart agree: an accepted request has landed.
 * Its limit follows the machine's load (a busy machine does the same work slower); a product that has not
 * settled by then fails the run rather than lend the next request's check a change that is not its own.
 */
async function settle(target: FuzzTarget, processIds: string[]) {
  const limit = scaled(60_000);
  const until = Date.now() + limit;
  let last = await fingerprint(target, processIds);
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const now = await fingerprint(target, processIds);
    if (now.tables === last.tables && now.histories === last.histories && !now.histories.includes(' busy')) return now;
    last = now;
  }
  throw new Error(
    `the processes did not settle within ${limit} ms: ${last.histories
      .split('\n')
      .filter((line) => line.includes(' busy'))
      .join(', ')}`,
  );
}

const diff = (a: string, b: string) =>
  b
    .split('\n')
    .filter((line) => !a.split('\n').includes(line))
    .map((line) => line.split(/[=#]/)[0]);

const describe = (request: FuzzRequest) => {
  const body =
    request.body &&
    ('raw' in request.body
      ? `raw ${request.body.contentType} ${request.body.raw.slice(0, 80)}`
      : JSON.stringify(request.body.json)?.slice(0, 200));
  return `${request.method} ${request.path.slice(0, 200)} as ${request.user ?? 'nobody'}${body ? ` with ${body}` : ''}`;
};

export async function fuzzApi(
  target: FuzzTarget,
  options: { requests: number; seed: number; log?: (line: string) => void },
): Promise<FuzzReport> {
  const tokens = new Map<string, string>();
  for (const username of target.usernames) tokens.set(username, await login(target, username));
  const world = await readWorld(target);
  const arbitrary = anyRequest(target.routes, world);
  const report: FuzzReport = { requests: 0, byStatus: {}, byRoute: {}, accepted: 0, failures: [] };
  let before = await settle(target, world.processIds);
  for (let i = 0; i < options.requests; i++) {
    // The world object is read when a value is generated: the arbitrary sees its latest state.
    const [request] = fc.sample(arbitrary, { numRuns: 1, seed: options.seed + i });
    // A refused POST leaves no trace in the history of the process it names (directly or by a
    // task); other processes may move on their own timers meanwhile. A GET reaches no history.
    const post = request.method === 'POST';
    // A garbage id (any JSON value, even one without a string form) names nothing.
    const id = typeof request.id === 'string' ? request.id : undefined;
    const named = id && world.processIds.includes(id) ? id : world.tasks.find((t) => t.id === id)?.processId;
    const targets = post && named ? [named] : [];
    const historiesBefore = (await fingerprint(target, targets)).histories;
    const answer = await send(target, request, tokens);
    // A logout ends that token's session: the next request of the user's needs a new one.
    if (request.route === '/api/auth/logout' && answer.status === 200 && request.user && tokens.has(request.user)) {
      tokens.set(request.user, await login(target, request.user));
    }
    report.requests++;
    report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
    report.byRoute[`${request.method} ${request.route}`] = (report.byRoute[`${request.method} ${request.route}`] ?? 0) + 1;
    const fail = (why: string) => report.failures.push(`#${i} (seed ${options.seed + i}) ${describe(request)}: ${why}`);
    if (answer.status >= 500) fail(`${answer.status} ${answer.text.slice(0, 300)}`);
    if (answer.status >= 400 && answer.status < 500 && !errorShape.safeParse(answer.json).success)
      fail(`${answer.status} without the error shape: ${answer.text.slice(0, 300)}`);
    if (answer.status >= 400) {
      const after = await fingerprint(target, targets);
      if (after.tables !== before.tables || after.histories !== historiesBefore) {
        const changed = [...diff(before.tables, after.tables), ...diff(historiesBefore, after.histories)];
        fail(`refused with ${answer.status} ${answer.text.slice(0, 120)}, yet something changed: ${changed.join(', ')}`);
        before = await settle(target, world.processIds);
      }
    } else if (request.method === 'POST' && !request.path.startsWith('/api/auth/login')) {
      report.accepted++;
      Object.assign(world, await readWorld(target));
      before = await settle(target, world.processIds);
      Object.assign(world, await readWorld(target));
    }
    if ((i + 1) % 250 === 0) options.log?.(`${i + 1} requests, ${report.failures.length} failures`);
  }
  return report;
}
