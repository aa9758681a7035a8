import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { openDb, type Db } from '../store/db';
import { migrate } from '../store/migrate';
import { createApp } from './app';

const METRICS_TOKEN = 'scrape-token-of-the-test';
let db: Db;
let server: Server;
let base: string;

beforeAll(async () => {
  db = await openDb({});
  await migrate(db);
  const task = (id: string, org: string, status: string, dueAt: string | null) =>
    db.query(
      `INSERT INTO tasks (id, process_id, process_type, action, org_id, role, title_zh, title_en, due_at, status, opened_at)
       VALUES ($1, 'zone-210899', 'zone-establishment', 'reviewMemorandum', $2, 'staff', '审阅', 'Review', $3, $4, now())`,
      [id, org, dueAt, status],
    );
  await task('t1', 'ftz', 'open', '2000-01-01T00:00:00Z');
  await task('t2', 'ftz', 'open', '2999-01-01T00:00:00Z');
  await task('t3', 'ftz', 'done', null);
  await task('t4', 'gov-210899', 'cancelled', null);
  // No engine is needed for what is tested here: the client never connects.
  const client = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const app = createApp({ db, client, taskQueue: 'unused', token: { secret: 'x'.repeat(32), ttl: '1h' }, metricsToken: METRICS_TOKEN });
  server = await new Promise<Server>((listening) => {
    const s = app.listen(0, '127.0.0.1', () => listening(s));
  });
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((closed) => server?.close(closed));
  await db?.close();
});

const scrape = (authorization?: string) => fetch(`${base}/metrics`, { headers: authorization ? { authorization } : {} });

test('with METRICS_TOKEN set, /metrics wants exactly that bearer token', async () => {
  expect((await scrape()).status).toBe(401);
  expect((await scrape(`Bearer ${METRICS_TOKEN}x`)).status).toBe(401);
  const response = await scrape(`Bearer ${METRICS_TOKEN}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
});

test('tasks by state and organisation and the overdue ones, read from the ledger at each scrape', async () => {
  const text = await (await scrape(`Bearer ${METRICS_TOKEN}`)).text();
  expect(text).toContain('collab_zones_tasks{state="open",org="ftz"} 2');
  expect(text).toContain('collab_zones_tasks{state="done",org="ftz"} 1');
  expect(text).toContain('collab_zones_tasks{state="cancelled",org="gov-210899"} 1');
  expect(text).toContain('collab_zones_tasks_overdue{org="ftz"} 1');
  expect(text).toContain('collab_zones_task_ledger_up 1');
  await db.query(`UPDATE tasks SET status = 'done' WHERE id = 't1'`);
  const after = await (await scrape(`Bearer ${METRICS_TOKEN}`)).text();
  expect(after).toContain('collab_zones_tasks{state="open",org="ftz"} 1');
  expect(after).toContain('collab_zones_tasks_overdue{org="ftz"} 0');
});

test('latencies are counted under the route template, refusals included; the request id is echoed or made', async () => {
  const offered = await fetch(`${base}/api/zones/210881`, { headers: { 'x-request-id': 'desk-7.retry-2' } });
  expect(offered.status).toBe(401);
  expect(offered.headers.get('x-request-id')).toBe('desk-7.retry-2');
  const unsafe = await fetch(`${base}/api/zones/210882`, { headers: { 'x-request-id': 'a b\tc' } });
  expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  const text = await (await scrape(`Bearer ${METRICS_TOKEN}`)).text();
  expect(text).toContain('http_request_duration_seconds_count{method="GET",route="/api/zones/{code}",status="401"} 2');
  expect(text).not.toContain('210881');
});
