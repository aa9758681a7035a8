import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { resolveTemporalCli } from '../platform/engine/temporal-cli';
import { eventually, startHarness, type Harness } from './support/harness';
import { resetBeforeLastUpdate } from './support/operator';
import { body, complete, launch, memorandum, taskFor } from './support/zone-flow';

/** Temporal's own operations, as an operator runs them with the CLI, leave the records true. */
let h: Harness;
let cli: string;
let target: string[];
beforeAll(async () => {
  h = await startHarness();
  cli = (await resolveTemporalCli()).path!;
  target = ['--address', process.env.TEST_TEMPORAL_ADDRESS!, '--namespace', h.namespace];
});
afterAll(() => h?.stop());

const temporal = (...args: string[]) => promisify(execFile)(cli, [...args, ...target]);

const sweep = () =>
  h.client.workflow.execute('closedRunsSweep', { workflowId: `closed-runs-sweep-${randomUUID()}`, taskQueue: h.taskQueue }) as Promise<{
    processes: number;
    cancelled: number;
  }>;

test('a terminated process leaves no open task: the sweep cancels them, and a relaunch keeps its own', async () => {
  const county = await h.newCounty();
  const id = await launch(h, county);
  const task = await taskFor(h, 'ftz.staff', id, 'draftMemorandum');
  await temporal('workflow', 'terminate', '-w', id, '--reason', 'operator test');

  // The engine's list of closed runs is eventually consistent: the sweep runs until it has seen this one.
  await eventually(async () => ((await sweep()).cancelled > 0 ? true : undefined), 30_000, 'the sweep to cancel the task');
  const [row] = await h.db.query<{ status: string }>('SELECT status FROM tasks WHERE id = $1', [task.id]);
  expect(row.status).toBe('cancelled');
  const inbox = await (await h.as('ftz.staff')).get(`/api/tasks?processId=${id}`);
  expect(inbox.body.items).toEqual([]);
  const completing = await (await h.as('ftz.staff')).post(`/api/tasks/${task.id}/complete`, {});
  expect(completing.status).toBe(409);

  // Relaunched, the county's new task is open, and a later sweep leaves it so.
  const again = await launch(h, county);
  const fresh = await taskFor(h, 'ftz.staff', again, 'draftMemorandum');
  await sweep();
  const [kept] = await h.db.query<{ status: string }>('SELECT status FROM tasks WHERE id = $1', [fresh.id]);
  expect(kept.status).toBe('open');
});

test('`temporal workflow query` through the codec endpoint answers, for an operator with a token', async () => {
  const county = await h.newCounty();
  const id = await launch(h, county);
  await taskFor(h, 'ftz.staff', id, 'draftMemorandum');
  const token = (await h.anonymous('POST', '/api/auth/login', { username: 'audit.auditor', password: 'demo' })).body.token as string;
  const { stdout } = await temporal(
    'workflow',
    'query',
    '-w',
    id,
    '--name',
    'state',
    '--codec-endpoint',
    `${h.baseUrl}/codec`,
    '--codec-auth',
    `Bearer ${token}`,
    '-o',
    'json',
  );
  expect(stdout).toContain('DRAFTING');
  // Without a token the codec opens nothing.
  const refused = await temporal(
    'workflow',
    'query',
    '-w',
    id,
    '--name',
    'state',
    '--codec-endpoint',
    `${h.baseUrl}/codec`,
    '-o',
    'json',
  ).then(
    () => 'answered',
    (error: { stderr?: string }) => error.stderr ?? 'refused',
  );
  expect(refused).not.toBe('answered');
});

/** The ledger's open tasks of a process and the ones the workflow holds open are the same. */
async function ledgerAgrees(id: string): Promise<string[]> {
  return eventually(
    async () => {
      const rows = await h.db.query<{ id: string }>(`SELECT id FROM tasks WHERE process_id = $1 AND status = 'open' ORDER BY id`, [id]);
      const state = await h.client.workflow.getHandle(id).query<{ openTasks: { id: string }[] }>('state');
      const held = state.openTasks.map((task) => task.id).sort();
      const ledger = rows.map((row) => row.id);
      return JSON.stringify(held) === JSON.stringify(ledger) ? ledger : undefined;
    },
    30_000,
    `the task ledger of ${id} to agree with its workflow`,
  );
}

const stepsOf = async (id: string) =>
  Number((await h.db.query<{ n: string }>(`SELECT count(*) AS n FROM step_results WHERE split_part(key, ':', 1) = $1`, [id]))[0].n);

/** Acts through the API: a 200 must leave a new step in the records, anything else must be a refusal. */
async function actRecorded(id: string, username: string, action: string, payload: unknown): Promise<number> {
  const task = await taskFor(h, username, id, action);
  const before = await stepsOf(id);
  const response = await (await h.as(username)).post(`/api/tasks/${task.id}/complete`, payload);
  if (response.status === 200) expect(await stepsOf(id)).toBeGreaterThan(before);
  else expect(response.status).toBeGreaterThanOrEqual(400);
  return response.status;
}

test.each([
  ['--reapply-exclude Update', ['--reapply-exclude', 'Update']],
  ['updates reapplied (the default)', []],
])('a reset (%s) leaves records and workflow in agreement, and the next actions are recorded', async (_mode, flags) => {
  const county = await h.newCounty();
  const id = await launch(h, county);
  await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
  await complete(h, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
  const signed = await taskFor(h, 'ftz.leader', id, 'reviewMemorandum');
  await complete(h, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
  // The FTZ's signature opened the naming task: that is the step a reset rolls back.
  const rolledBack = await taskFor(h, `gov-${county}.staff`, id, 'nameManagementBody');

  await resetBeforeLastUpdate(h, id, flags);

  // The reset run resyncs at once, with or without an action: the ledger says what the workflow holds.
  const open = await ledgerAgrees(id);
  const [dropped] = await h.db.query<{ status: string }>('SELECT status FROM tasks WHERE id = $1', [rolledBack.id]);
  expect(dropped.status).toBe('cancelled');
  if (flags.length) {
    // The signature was rolled back: the FTZ leader's task is open again, and signing it is recorded.
    expect(open).toEqual([signed.id]);
    expect(await actRecorded(id, 'ftz.leader', 'reviewMemorandum', { decision: 'sign' })).toBe(200);
  } else {
    // The signature was applied again on the new run: its naming task is a new one.
    expect(open).toHaveLength(1);
    expect(open[0]).not.toBe(rolledBack.id);
  }
  expect(await actRecorded(id, `gov-${county}.staff`, 'nameManagementBody', body)).toBe(200);
  await ledgerAgrees(id);
  const [zone] = await h.db.query<{ status: string }>('SELECT status FROM zones WHERE code = $1', [county]);
  expect(zone.status).toBe('ACTIVE');
  const kinds = (await h.db.query<{ kind: string }>('SELECT kind FROM process_events WHERE process_id = $1', [id])).map((row) => row.kind);
  expect(kinds).toContain('recordsResynced');
});
