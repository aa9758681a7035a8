import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { resolveTemporalCli } from '../platform/engine/temporal-cli';
import { eventually, startHarness, type Harness } from './support/harness';
import { launch, taskFor } from './support/zone-flow';

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
  h.client.workflow.execute('closedRunsSweep', { workflowId: `closed-runs-sweep-${randomUUID()}`, taskQueue: h.taskQueue }) as Promise<{ processes: number; cancelled: number }>;

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
  const { stdout } = await temporal('workflow', 'query', '-w', id, '--name', 'state', '--codec-endpoint', `${h.baseUrl}/codec`, '--codec-auth', `Bearer ${token}`, '-o', 'json');
  expect(stdout).toContain('DRAFTING');
  // Without a token the codec opens nothing.
  const refused = await temporal('workflow', 'query', '-w', id, '--name', 'state', '--codec-endpoint', `${h.baseUrl}/codec`, '-o', 'json').then(
    () => 'answered',
    (error: { stderr?: string }) => error.stderr ?? 'refused',
  );
  expect(refused).not.toBe('answered');
});
