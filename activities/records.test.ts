import { ApplicationFailure } from '@temporalio/common';
import { applySeeds } from '../seeds/apply';
import type { Db } from '../store/db';
import { migrate } from '../store/migrate';
import { openTestDb } from '../test/support/harness';
import { createPolicyActivities } from './policy';
import { createRecordActivities } from './records';
import type { Step } from './step';

const actor = { userId: 'ftz.staff', orgId: 'ftz', roles: ['staff' as const] };

function step(key: string, overrides: Partial<Step> = {}): Step {
  return {
    key,
    processId: `p-${key}`,
    chainId: 'chain',
    processType: 'zone-establishment',
    at: '2026-03-02T02:00:00.000Z',
    events: [{ seq: 2, at: '2026-03-02T02:00:00.000Z', kind: 'memorandumDrafted', actor, data: { version: 1 } }],
    openTasks: [
      { id: `t-${key}`, action: 'reviewMemorandum', orgId: 'ftz', role: 'staff', title: { zh: '审', en: 'Review' }, context: {} },
    ],
    closeTasks: [],
    memoranda: [],
    notifications: [],
    ...overrides,
  };
}

describe.each(['pglite', 'postgres'] as const)('records store on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(kind);
    await migrate(db);
    await applySeeds(db, { demoPassword: 'demo' });
  });
  afterAll(() => db?.close());

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);

  test('migrations and seeds applied again change nothing', async () => {
    const before = await Promise.all(['organizations', 'users', 'divisions', 'calendar_years', 'policies'].map((t) => count(t)));
    expect(await migrate(db)).toEqual([]);
    await applySeeds(db, { demoPassword: 'other' });
    const after = await Promise.all(['organizations', 'users', 'divisions', 'calendar_years', 'policies'].map((t) => count(t)));
    expect(after).toEqual(before);
    expect(before[0]).toBeGreaterThanOrEqual(20);
  });

  test('a step committed twice, even at once, writes its records once and answers the same', async () => {
    const { commitStep } = createRecordActivities(db);
    const s = step(`${kind}-twice`);
    const results = await Promise.allSettled([commitStep(s), commitStep(s)]);
    const again = await commitStep(s);
    const fulfilled = results.filter((r): r is PromiseFulfilledResult<{ key: string; committedAt: string }> => r.status === 'fulfilled');
    expect(fulfilled.length).toBeGreaterThanOrEqual(1);
    for (const r of fulfilled) expect(r.value).toEqual(again);
    expect(await count('tasks', 'id = $1', [`t-${s.key}`])).toBe(1);
    expect(await count('process_events', 'process_id = $1', [s.processId])).toBe(1);
    expect(await count('step_results', 'key = $1', [s.key])).toBe(1);
  });

  test('a step key sent again with other content is refused: it never answers the first step for it', async () => {
    const { commitStep } = createRecordActivities(db);
    const first = step(`${kind}-renumbered`);
    await commitStep(first);
    const other = { ...first, at: '2026-03-03T02:00:00.000Z', openTasks: [{ ...first.openTasks[0], id: `t-${kind}-other` }] };
    const refused = await commitStep(other).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect((refused as ApplicationFailure).type).toBe('StepKeyReused');
    expect((refused as ApplicationFailure).nonRetryable).toBe(true);
    expect(await count('tasks', 'id = $1', [`t-${kind}-other`])).toBe(0);
  });

  test('after a reset the records tell how far a chain was numbered, and the ledger follows the workflow', async () => {
    const { commitStep, recordedSeq } = createRecordActivities(db);
    const ref = { processId: `p-${kind}-reset`, chainId: 'chain-000000000042' };
    const prefix = `${ref.processId}.000000000042`;
    const task = (seq: number) => ({
      id: `${prefix}.${seq}`,
      action: 'reviewMemorandum',
      orgId: 'ftz',
      role: 'staff',
      title: { zh: '审', en: 'Review' },
      context: {},
    });
    const base = { ...step('unused'), ...ref, memoranda: [], notifications: [] };
    await commitStep({ ...base, key: `${ref.processId}:${ref.chainId}:1`, events: [{ ...base.events[0], seq: 2 }], openTasks: [task(3)] });
    // The step a reset rolls back: it closed task 3 and opened task 5.
    await commitStep({
      ...base,
      key: `${ref.processId}:${ref.chainId}:4`,
      events: [{ ...base.events[0], seq: 6 }],
      openTasks: [task(5)],
      closeTasks: [{ ids: [task(3).id], status: 'done', by: actor }],
    });
    expect(await recordedSeq(ref)).toBe(6);
    const result = await commitStep({
      ...base,
      key: `${ref.processId}:${ref.chainId}:7`,
      events: [{ ...base.events[0], seq: 8, kind: 'recordsResynced' }],
      openTasks: [],
      resync: { openTaskIds: [task(3).id] },
    });
    expect(result.resynced).toEqual({ cancelled: [task(5).id], reopened: [task(3).id] });
    const rows = await db.query<{ id: string; status: string }>('SELECT id, status FROM tasks WHERE process_id = $1 ORDER BY id', [
      ref.processId,
    ]);
    expect(rows).toEqual([
      { id: task(3).id, status: 'open' },
      { id: task(5).id, status: 'cancelled' },
    ]);
  });

  test('a step that fails part-way leaves nothing behind', async () => {
    const { commitStep } = createRecordActivities(db);
    const first = step(`${kind}-first`);
    await commitStep(first);
    const clash = step(`${kind}-clash`, { openTasks: first.openTasks });
    await expect(commitStep(clash)).rejects.toThrow(/duplicate key/);
    expect(await count('process_events', 'process_id = $1', [clash.processId])).toBe(0);
    expect(await count('step_results', 'key = $1', [clash.key])).toBe(0);
  });

  test('closing tasks records who closed them, and a task already closed stays as it was', async () => {
    const { commitStep } = createRecordActivities(db);
    const open = step(`${kind}-open`);
    await commitStep(open);
    const taskId = open.openTasks[0].id;
    await commitStep(step(`${kind}-close`, { openTasks: [], events: [], closeTasks: [{ ids: [taskId], status: 'done', by: actor }] }));
    await commitStep(step(`${kind}-cancel`, { openTasks: [], events: [], closeTasks: [{ ids: [taskId], status: 'cancelled', by: null }] }));
    const [task] = await db.query<{ status: string; closed_by: unknown }>('SELECT status, closed_by FROM tasks WHERE id = $1', [taskId]);
    expect(task).toEqual({ status: 'done', closed_by: actor });
  });

  test('policy narrowed to a county wins over the default; an unknown county is refused without retry', async () => {
    const { prepareZoneEstablishment } = createPolicyActivities(db);
    const startedAt = '2026-03-02T02:00:00.000Z';
    const general = await prepareZoneEstablishment({ countyCode: '210881', startedAt });
    expect(general).toMatchObject({ countyName: '盖州市', historyEventLimit: 0 });
    expect(general.signingDeadline.dueAt).toBe('2026-04-14T15:59:59.000Z');
    await db.query(`INSERT INTO policies (key, scope, value) VALUES ('memorandum.signingPeriod', '210804', '{"seconds": 60}')`);
    const narrowed = await prepareZoneEstablishment({ countyCode: '210804', startedAt });
    expect(narrowed.signingDeadline.dueAt).toBe('2026-03-02T02:01:00.000Z');
    const refused = prepareZoneEstablishment({ countyCode: '210899', startedAt });
    await expect(refused).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(refused).rejects.toMatchObject({ type: 'UnknownCounty', nonRetryable: true });
  });
});
