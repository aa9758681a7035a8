import { routes } from '../api/app';
import { startDevServer, type RunningEngine } from '../platform/engine/dev-server';
import { setUpFixtures } from '../scripts/fuzz/fixtures';
import { fuzzApi } from '../scripts/fuzz/run';
import { DEMO_PASSWORD, startHarness, type Harness } from './support/harness';
import { freePort } from './support/ports';
import { launch, memorandum, taskFor } from './support/zone-flow';
import { scaled } from './support/time';

/**
 * The whole API fuzzed at CI's size: requests made from every route's zod schemas, with real ids
 * and garbage, against the real app on PostgreSQL. `npm run fuzz` runs more. A failure names the
 * seed that made the request: FUZZ_SEED=<seed> replays the run.
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000_000);

let h: Harness;
let engine: RunningEngine;
beforeAll(async () => {
  // An engine of its own: a generated launch may start a process whose id is a business key
  // (`power-catalog`, `zone-210881`), which on the run's engine would stand in other files' way.
  engine = await startDevServer({ port: await freePort(), log: () => undefined });
  const shared = process.env.TEST_TEMPORAL_ADDRESS;
  process.env.TEST_TEMPORAL_ADDRESS = engine.address;
  try {
    h = await startHarness({ database: 'postgres' });
  } finally {
    process.env.TEST_TEMPORAL_ADDRESS = shared;
  }
}, scaled(60_000));
afterAll(async () => {
  await h?.stop();
  await engine?.stop();
});

test(
  'no request, however made, gets a 5xx; every refusal has the error shape and changes nothing',
  async () => {
    const { usernames } = await setUpFixtures(h);
    const report = await fuzzApi(
      { baseUrl: h.baseUrl, db: h.db, client: h.client, routes, usernames, password: DEMO_PASSWORD },
      { requests: REQUESTS, seed: SEED },
    );
    expect(report.failures).toEqual([]);
    expect(report.requests).toBe(REQUESTS);
    // Every route of the table was reached, and so were the checks behind the first ones.
    const reached = new Set(Object.keys(report.byRoute));
    expect(routes.filter((route) => !reached.has(`${route.method.toUpperCase()} ${route.path}`)).map((r) => r.path)).toEqual([]);
    expect(Object.keys(report.byStatus)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404']));
  },
  scaled(300_000),
);

test('text the records store cannot hold (U+0000, a lone surrogate) and a path that does not decode are refused at the door', async () => {
  const county = await h.newCounty();
  const id = await launch(h, county);
  const task = await taskFor(h, 'ftz.staff', id, 'draftMemorandum');
  const ftz = await h.as('ftz.staff');
  for (const scope of ['产业\u0000协同', '\uD800']) {
    const refused = await ftz.post(`/api/tasks/${task.id}/complete`, memorandum(county, { scope }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ path: 'body.scope', message: 'text with U+0000 or a lone surrogate cannot be stored' }]);
  }
  expect((await ftz.get(`/api/tasks/${encodeURIComponent('x\u0000')}`)).status).toBe(400);
  expect((await ftz.get('/api/tasks/%E0%A4%A')).body.error.code).toBe('BAD_REQUEST');
  // The task is still open, and completes with text that can be stored.
  expect((await ftz.post(`/api/tasks/${task.id}/complete`, memorandum(county))).status).toBe(200);
});
