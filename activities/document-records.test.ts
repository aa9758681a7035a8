import { applySeeds } from '../seeds/apply';
import type { Db } from '../store/db';
import { migrate } from '../store/migrate';
import { openTestDb } from '../test/support/harness';
import { createRecordActivities } from './records';
import type { MemorandumRecord, Step } from './step';

const leader = { userId: 'ftz.leader', orgId: 'ftz', roles: ['staff' as const] };

/** The step that makes a memorandum final: both sides' signatures on version 1. */
function signing(processId: string, at = '2026-06-01T02:00:00.000Z'): Step {
  const signed: MemorandumRecord = {
    version: 1,
    countyCode: '210881',
    content: { scope: '产业协同' },
    status: 'signed',
    draftedBy: leader,
    draftedAt: at,
    signatures: { ftz: { version: 1, userId: 'ftz.leader', at }, 'gov-210881': { version: 1, userId: 'gov-210881.leader', at } },
  };
  return {
    key: `${processId}:chain:7`,
    processId,
    chainId: 'chain',
    processType: 'zone-establishment',
    at,
    events: [{ seq: 8, at, kind: 'memorandumSigned', actor: leader, data: { version: 1 } }],
    openTasks: [],
    closeTasks: [],
    memoranda: [signed],
    notifications: [],
  };
}

describe.each(['pglite', 'postgres'] as const)('document numbers on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(kind);
    await migrate(db);
    await applySeeds(db, { demoPassword: 'demo' });
  });
  afterAll(() => db?.close());

  const numbers = async (year: number) =>
    await db.query<{ seq: number; number: string; process_id: string }>(
      `SELECT seq, number, process_id FROM documents WHERE org_id = 'ftz' AND year = $1 ORDER BY seq`,
      [year],
    );

  test('50 acts made final at once, each also attempted twice at the same time, get 1…50: no gap, no repeat', async () => {
    const { commitStep } = createRecordActivities(db);
    const steps = Array.from({ length: 50 }, (_, i) => signing(`zone-${kind}-${i}`));
    // Every step twice, concurrently: one attempt writes, the other rolls back whole (its number too) or finds the first.
    const settled = await Promise.allSettled(steps.flatMap((s) => [commitStep(s), commitStep(s)]));
    // A second attempt that lost the race is retried, as the engine retries an activity: it finds the first result.
    const results = await Promise.all(steps.map((s) => commitStep(s)));

    const rows = await numbers(2026);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.process_id)).size).toBe(50);
    expect(rows[0].number).toBe('营自贸发〔2026〕1号');
    expect(rows[49].number).toBe('营自贸发〔2026〕50号');
    // Whichever attempt answered, it names the number the records hold for that act.
    for (const [i, result] of results.entries()) {
      const held = rows.find((r) => r.process_id === steps[i].processId)!;
      expect(result.documents).toEqual([{ number: held.number, kind: 'memorandum', ref: 'v1' }]);
    }
    expect(settled.filter((s) => s.status === 'fulfilled').length).toBeGreaterThanOrEqual(50);
    const [{ last }] = await db.query<{ last: number }>(`SELECT last FROM document_counters WHERE org_id = 'ftz' AND year = 2026`);
    expect(last).toBe(50);
  });

  test('numbers run per year, by the day in China: the first act of a new year is number 1', async () => {
    const { commitStep } = createRecordActivities(db);
    // 16:30 UTC on 31 December is already 1 January in China.
    await commitStep(signing(`zone-${kind}-new-year`, '2026-12-31T16:30:00.000Z'));
    expect((await numbers(2027)).map((r) => r.number)).toEqual(['营自贸发〔2027〕1号']);
  });

  test('an act already numbered keeps its number when a later step writes it again', async () => {
    const { commitStep } = createRecordActivities(db);
    const first = signing(`zone-${kind}-again`, '2028-03-01T02:00:00.000Z');
    await commitStep(first);
    // The same memorandum version pushed again by another step (say, marked superseded later but still signed here).
    await commitStep({ ...first, key: `${first.processId}:chain:9`, events: [] });
    expect((await numbers(2028)).map((r) => r.seq)).toEqual([1]);
  });
});
