import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { startEntry, type Child } from './support/child-process';
import { eventually, startHarness, uniqueName, DEMO_PASSWORD, type ApiClient, type Harness } from './support/harness';
import { freePort } from './support/ports';
import { body, complete, launch, memorandum, type OpenTask } from './support/zone-flow';
import { scaled } from './support/time';

/**
 * The scale-out layout on one machine: two worker processes and one API process, started as the
 * image starts them (compiled, `node dist/server/…`; one worker as `npm run worker` starts it), on the run's engine and a PostgreSQL database of
 * their own. The issue asks for 200 processes; CI runs TOPOLOGY_PROCESSES (30 by default) so the
 * file takes seconds on 2 cores, and the run's test county codes (about 80, shared by every file)
 * bound it: each zone establishment needs a county of its own.
 */
const PROCESSES = Number(process.env.TOPOLOGY_PROCESSES ?? 30);
const CONCURRENCY = 8;

type Flow = 'government-first' | 'ftz-first' | 'returned-once';
const FLOWS: Flow[] = ['government-first', 'ftz-first', 'returned-once'];

/**
 * What one finished process of each flow leaves in the records store, each record once. A step is
 * one decision: the second signature records the zone in the same step, a return voids the
 * signatures in the same step.
 */
const SIGNED_ONCE = ['launched', 'memorandumDrafted', 'memorandumSigned', 'memorandumSigned', 'zoneRecorded', 'bodyNamed'];
const expected: Record<Flow, { events: string[]; steps: number; memoranda: number; completions: number; ftzTasks: number }> = {
  'government-first': { events: SIGNED_ONCE, steps: 5, memoranda: 1, completions: 4, ftzTasks: 2 },
  'ftz-first': { events: SIGNED_ONCE, steps: 5, memoranda: 1, completions: 4, ftzTasks: 2 },
  'returned-once': {
    events: [
      'launched',
      'memorandumDrafted',
      'memorandumSigned',
      'memorandumReturned',
      'signaturesVoided',
      'memorandumDrafted',
      'memorandumSigned',
      'memorandumSigned',
      'zoneRecorded',
      'bodyNamed',
    ],
    steps: 8,
    memoranda: 2,
    completions: 7,
    ftzTasks: 4,
  },
};

let h: Harness;
let api: Harness;
let apiProcess: Child;
let workers: [Child, Child];
let workerMetricsPorts: number[];
const started: Child[] = [];

beforeAll(async () => {
  // The harness gives the database, its seeds and counties; its own worker and API stay idle.
  h = await startHarness({ database: 'postgres' });
  await h.stopWorker();
  const [{ name }] = await h.db.query<{ name: string }>('SELECT current_database() AS name');
  const cluster = {
    TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS!,
    TEMPORAL_NAMESPACE: h.namespace,
    DATABASE_URL: process.env.TEST_POSTGRES_URL!.replace(/\/postgres$/, `/${name}`),
    DATABASE_POOL_SIZE: '4',
    TASK_QUEUE: uniqueName('topology'),
    SHUTDOWN_GRACE: '10s',
    PAYLOAD_KEY: process.env.TEST_PAYLOAD_KEY!,
  };

  // The image's processes run the compiled server (`npm run build`); one worker here runs the source
  // through tsx, as a development checkout does: both serve the same task queue with the same bundle.
  const build = startEntry('scripts/build.ts', {}, [], ['--server']);
  expect([await build.exited, build.output()]).toEqual([0, expect.stringContaining('server in')]);
  const setup = startEntry('dist/server/scripts/setup.js', cluster);
  expect(await setup.exited).toBe(0);
  expect(setup.output()).toContain(`search attributes on ${h.namespace}: all there`);

  workerMetricsPorts = [await freePort(), await freePort()];
  const worker = (entry: string, metricsPort: number) =>
    startEntry(entry, {
      ...cluster,
      LOG_LEVEL: 'debug',
      WORKER_METRICS_PORT: String(metricsPort),
      WORKFLOW_BUNDLE: process.env.TEST_WORKFLOW_BUNDLE!,
    });
  workers = [worker('dist/server/worker/main.js', workerMetricsPorts[0]), worker('worker/main.ts', workerMetricsPorts[1])];
  // A port the system picks as the API binds it: one found free beforehand can be taken meanwhile.
  const auditSigningKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  apiProcess = startEntry('dist/server/api/main.js', {
    ...cluster,
    PORT: '0',
    TOKEN_SECRET: randomBytes(32).toString('hex'),
    AUDIT_SIGNING_KEY: auditSigningKey,
  });
  started.push(...workers, apiProcess);
  const [listening] = await Promise.all([
    apiProcess.waitFor((line) => line.msg === 'API listening', 'the API listening'),
    ...workers.map((w) => w.waitFor((line) => line.msg === 'worker polling', 'a worker polling')),
  ]);
  const port = Number(listening.port);
  api = { ...h, baseUrl: `http://127.0.0.1:${port}`, as: loginAt(`http://127.0.0.1:${port}`) };
}, scaled(180_000));

afterAll(async () => {
  for (const child of started) child.signal('SIGKILL');
  await h?.stop();
});

test(
  'two workers and an API in processes of their own: a worker stopped midway drains and exits, every process finishes, each record is written once',
  async () => {
    const runs = Array.from({ length: PROCESSES }, (_, i) => ({ flow: FLOWS[i % FLOWS.length], county: '', id: '' }));
    for (const run of runs) run.county = await h.newCounty();
    const [first, second] = workers;

    // Midway, once half the processes are launched and the first worker has done some of the work.
    let launched = 0;
    let halfLaunched!: () => void;
    const half = new Promise<void>((resolve) => (halfLaunched = resolve));
    const firstStopped = half.then(async () => {
      await first.waitFor((line) => typeof line.workflowId === 'string', 'the first worker at work');
      first.signal('SIGTERM');
      return first.exited;
    });

    // The last process stops before its last step: it is the request in flight when the API stops.
    const last = runs[runs.length - 1];
    await inParallel(runs, CONCURRENCY, async (run) => {
      run.id = await launch(api, run.county);
      if (++launched === Math.ceil(PROCESSES / 2)) halfLaunched();
      await signed(run.id, run.county, run.flow);
      if (run !== last) await completeOnce(`gov-${run.county}.staff`, run.id, 'nameManagementBody', body);
    });

    expect(await firstStopped).toBe(0);
    expect(first.lines.map((line) => line.msg)).toContain('stopped');
    const linesOf = (worker: Child) =>
      worker.lines.filter((line) => line.workflowId && line.runId && line.processType === 'zone-establishment');
    expect(linesOf(first).length).toBeGreaterThan(0);
    expect(linesOf(second).length).toBeGreaterThan(0);

    // The API's figures: latencies of every completion so far, and the task ledger by organisation.
    const metrics = await (await fetch(`${api.baseUrl}/metrics`)).text();
    const completions = runs.reduce((n, run) => n + expected[run.flow].completions, 0) - 1;
    expect(answered.ok + answered.landedBefore).toBe(completions);
    expect(metrics).toContain(
      `http_request_duration_seconds_count{method="POST",route="/api/tasks/{id}/complete",status="200"} ${answered.ok}`,
    );
    const ftzTasks = runs.reduce((n, run) => n + expected[run.flow].ftzTasks, 0);
    expect(metrics).toContain(`collab_zones_tasks{state="done",org="ftz"} ${ftzTasks}`);
    expect(metrics).toContain(`collab_zones_tasks{state="open",org="gov-${last.county}"} 1`);
    const sdkMetrics = await (await fetch(`http://127.0.0.1:${workerMetricsPorts[1]}/metrics`)).text();
    expect(sdkMetrics).toMatch(/temporal_activity_execution_latency_count\{[^}]*activity_type="commitStep"/);

    // The API stops while a request is in flight: it refuses new connections, then answers that one.
    // The remaining worker is paused so that the request waits on the engine while the API stops.
    second.signal('SIGSTOP');
    const inFlight = complete(api, `gov-${last.county}.staff`, last.id, 'nameManagementBody', body);
    inFlight.catch(() => undefined);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      apiProcess.signal('SIGTERM');
      await eventually(
        () =>
          fetch(`${api.baseUrl}/healthz`).then(
            () => undefined,
            () => true,
          ),
        5000,
        'the API to refuse connections',
      );
    } finally {
      second.signal('SIGCONT');
    }
    expect((await inFlight).stage).toBe('ACTIVE');
    expect(await apiProcess.exited).toBe(0);

    expect(await recordsOf(runs.map((run) => run.id))).toEqual(
      Object.fromEntries(
        runs.map((run) => [
          run.id,
          {
            zones: 1,
            zoneStatus: 'ACTIVE',
            memoranda: expected[run.flow].memoranda,
            events: expected[run.flow].events,
            steps: expected[run.flow].steps,
            openTasks: 0,
          },
        ]),
      ),
    );

    second.signal('SIGTERM');
    expect(await second.exited).toBe(0);
  },
  scaled(120_000),
);

/** Launch to both signatures, along one of the flows. */
async function signed(id: string, county: string, flow: Flow): Promise<void> {
  const gov = `gov-${county}.leader`;
  await completeOnce('ftz.staff', id, 'draftMemorandum', memorandum(county));
  if (flow === 'ftz-first') {
    await completeOnce('ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
    await completeOnce(gov, id, 'reviewMemorandum', { decision: 'sign' });
    return;
  }
  await completeOnce(gov, id, 'reviewMemorandum', { decision: 'sign' });
  if (flow === 'returned-once') {
    await completeOnce('ftz.staff', id, 'reviewMemorandum', { decision: 'return', comments: '面积需核实' });
    await completeOnce('ftz.staff', id, 'draftMemorandum', memorandum(county));
    await completeOnce(gov, id, 'reviewMemorandum', { decision: 'sign' });
  }
  await completeOnce('ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
}

/** How the API answered the completions: at once, or only after a retry found the first attempt done. */
const answered = { ok: 0, landedBefore: 0, retried: 0 };

/**
 * A completion as a client that retries a 503 sends it. A task already on its way to the worker
 * that stops when it stops is dropped by that worker (this engine version cannot complete polls on
 * a worker's shutdown: docs/OPERATIONS.md) and given to another after its timeout, 10 s for a
 * workflow task, which the API's engine deadline (also 10 s) can outlast. The client then retries
 * with the same Idempotency-Key and the completion still acts once: a retry that finds the task
 * done means the first attempt landed.
 */
async function completeOnce(username: string, processId: string, action: string, payload: unknown): Promise<void> {
  const task = await openTask(username, processId, action);
  const headers = { 'Idempotency-Key': randomUUID() };
  // An activity task lost the same way holds the update for its start-to-close timeout (30 s): up to
  // five attempts of the API's 10 s.
  for (let attempt = 1; attempt <= 5; attempt++) {
    const response = await (await api.as(username)).post(`/api/tasks/${task.id}/complete`, payload, headers);
    if (response.status === 200) {
      answered.ok++;
      return;
    }
    if (attempt > 1 && response.status === 409 && response.body.error.message.endsWith('(done)')) {
      answered.landedBefore++;
      return;
    }
    if (response.status !== 503) throw new Error(`${action} by ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    answered.retried++;
  }
  throw new Error(`${action} by ${username}: still 503 after 5 attempts`);
}

/**
 * The open task of this action, waited for longer than the other files do: an activity task in
 * transit to the stopping worker comes back only after its start-to-close timeout (30 s).
 */
async function openTask(username: string, processId: string, action: string): Promise<OpenTask> {
  const user = await api.as(username);
  return eventually(
    async () => {
      const inbox = await user.get(`/api/tasks?processId=${processId}`);
      return (inbox.body.items as OpenTask[]).find((task) => task.action === action);
    },
    45_000,
    `${action} in ${username}'s inbox`,
  );
}

/** Per process: what the records store holds, counted by table. */
async function recordsOf(ids: string[]) {
  const rows = await h.db.query<{
    id: string;
    zones: string;
    zone_status: string;
    memoranda: string;
    events: string[];
    steps: string;
    open_tasks: string;
  }>(
    `SELECT id,
       (SELECT count(*) FROM zones WHERE process_id = id) AS zones,
       (SELECT min(status) FROM zones WHERE process_id = id) AS zone_status,
       (SELECT count(*) FROM memoranda WHERE process_id = id) AS memoranda,
       (SELECT array_agg(kind ORDER BY at, seq) FROM process_events WHERE process_id = id) AS events,
       (SELECT count(*) FROM step_results WHERE split_part(key, ':', 1) = id) AS steps,
       (SELECT count(*) FROM tasks WHERE process_id = id AND status = 'open') AS open_tasks
     FROM unnest($1::text[]) AS id`,
    [ids],
  );
  return Object.fromEntries(
    rows.map((row) => [
      row.id,
      {
        zones: Number(row.zones),
        zoneStatus: row.zone_status,
        memoranda: Number(row.memoranda),
        events: row.events,
        steps: Number(row.steps),
        openTasks: Number(row.open_tasks),
      },
    ]),
  );
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** `as` of a harness, against the API process: the zone-flow helpers drive it unchanged. */
function loginAt(baseUrl: string) {
  const request = async (method: string, path: string, token: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { 'content-type': 'application/json', 'accept-language': 'en', authorization: `Bearer ${token}`, ...headers },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };
  const tokens = new Map<string, Promise<string>>();
  return async (username: string): Promise<ApiClient> => {
    if (!tokens.has(username)) {
      tokens.set(
        username,
        fetch(`${baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: DEMO_PASSWORD }),
        }).then(async (response) => ((await response.json()) as { token: string }).token),
      );
    }
    const token = await tokens.get(username)!;
    return {
      get: (path) => request('GET', path, token),
      post: (path, payload, headers) => request('POST', path, token, payload ?? {}, headers),
    };
  };
}
