import { INDICATORS, sumIndicators, zeroIndicators, type Indicators } from '../domain/statistics';
import { ensureStatisticsSchedule } from '../platform/schedules';
import { eventually, startHarness, uniqueName, type Harness } from './support/harness';
import { entity, licence, penalty, withdrawPenalty } from './support/statistics-fixtures';
import { scaled } from './support/time';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await fixtures();
}, scaled(60_000));
afterAll(() => h?.stop());

/** China time: a day of March 2025 at ten in the morning. */
const march = (day: number) => `2025-03-${String(day).padStart(2, '0')}T10:00:00+08:00`;
const april = (day: number) => `2025-04-${String(day).padStart(2, '0')}T10:00:00+08:00`;
let recognisedInMarch: string;

/** A known month of cases in two zones and the FTZ itself, and a few outside March that must not count. */
async function fixtures(): Promise<void> {
  const db = h.db;
  // 盖州 (210881): three registrations, two transferred; licences verified on time, late, and one revoked.
  const a = await entity(db, '210881', march(3), march(20));
  const b = await entity(db, '210881', march(5), march(25));
  await entity(db, '210881', march(31));
  await licence(db, a, '210881', march(3), { verifiedAt: march(18), onTime: true });
  await licence(db, b, '210881', march(5), { verifiedAt: march(28), onTime: false });
  await licence(db, b, '210881', march(6), { revokedAt: march(29) });
  await penalty(db, '210881', { reportedAt: march(10) });
  recognisedInMarch = await penalty(db, '210881', { reportedAt: march(4), returnedAt: [march(11), march(17)], recognisedAt: march(24) });
  // 鲅鱼圈 (210804): one registration with its licence, a penalty recognised at once, one recognised then withdrawn.
  const c = await entity(db, '210804', march(12));
  await licence(db, c, '210804', march(12), { verifiedAt: march(14), onTime: true });
  await penalty(db, '210804', { reportedAt: march(6), recognisedAt: march(13) });
  await penalty(db, '210804', { reportedAt: march(7), recognisedAt: march(14), withdrawnAt: march(21) });
  // The FTZ's own (a record of no county) and the month's edges: 00:30 on 1 March counts, on 1 April does not.
  await entity(db, 'ftz', march(9));
  await entity(db, '210804', '2025-02-28T16:30:00Z');
  await entity(db, '210804', '2025-03-31T16:30:00Z');
  await penalty(db, '210881', { reportedAt: '2025-02-27T10:00:00+08:00', recognisedAt: april(2) });
}

const figures = (values: Partial<Indicators>): Indicators => ({ ...zeroIndicators(), ...values });

const EXPECTED: Record<string, Indicators> = {
  '210881': figures({
    registrations: 3,
    licencesOnCommitment: 3,
    verificationsOnTime: 1,
    verificationsLate: 1,
    revocations: 1,
    penaltiesReported: 2,
    penaltiesRecognised: 1,
    penaltiesReturned: 2,
    correctionRounds: 2,
    taxTransfers: 2,
  }),
  '210804': figures({ registrations: 2, licencesOnCommitment: 1, verificationsOnTime: 1, penaltiesReported: 2, penaltiesRecognised: 1 }),
  ftz: figures({ registrations: 1 }),
};

test('municipal and national views of a month: each zone in its county, or merged into the FTZ, and both add up', async () => {
  const reader = await h.as('le-210881.staff');
  const municipal = await reader.get('/api/statistics?view=municipal&period=2025-03');
  expect(municipal.status).toBe(200);
  expect(municipal.body).toMatchObject({ view: 'municipal', period: '2025-03', source: 'live', takenAt: null, corrections: [] });
  const byUnit = Object.fromEntries((municipal.body.rows as { unit: string; indicators: Indicators }[]).map((r) => [r.unit, r.indicators]));
  expect(byUnit).toEqual(EXPECTED);
  expect(municipal.body.rows.map((r: { name: string }) => r.name)).toEqual(['鲅鱼圈区', '盖州市', '自贸区营口片区管委会']);

  const national = await reader.get('/api/statistics?view=national&period=2025-03&lang=en');
  expect(national.status).toBe(200);
  expect(national.body.rows).toHaveLength(1);
  const [ftz] = national.body.rows;
  expect(ftz).toMatchObject({ unit: 'ftz', merged: ['210804', '210881'], own: EXPECTED.ftz });
  // The merged row is the sum of the split rows, indicator by indicator; the totals agree.
  expect(ftz.indicators).toEqual(sumIndicators(Object.values(EXPECTED)));
  expect(national.body.total).toEqual(municipal.body.total);
  for (const name of INDICATORS)
    expect([name, ftz.indicators[name]]).toEqual([name, EXPECTED['210881'][name] + EXPECTED['210804'][name] + EXPECTED.ftz[name]]);

  const bad = await reader.get('/api/statistics?view=provincial&period=2025-13');
  expect(bad.status).toBe(400);
  expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['query.period', 'query.view']);
});

test('a snapshot never changes: later cases of its month appear as corrections in the next snapshot', async () => {
  const ftzAdmin = await h.as('ftz.admin');
  const taken = await ftzAdmin.post('/api/statistics/snapshots', { period: '2025-03' });
  expect(taken.status).toBe(201);
  expect(taken.body).toMatchObject({ period: '2025-03', trigger: 'request' });
  const before = (await ftzAdmin.get('/api/statistics?view=municipal&period=2025-03')).body;
  expect(before).toMatchObject({ source: 'snapshot', takenAt: taken.body.takenAt, trigger: 'request' });
  expect(Object.fromEntries(before.rows.map((r: { unit: string; indicators: Indicators }) => [r.unit, r.indicators]))).toEqual(EXPECTED);

  // Taken once: a second request is refused with the stored one; other organisations may not take one.
  const again = await (await h.as('city.admin')).post('/api/statistics/snapshots', { period: '2025-03' });
  expect(again.status).toBe(409);
  expect(again.body.error.details).toMatchObject({ period: '2025-03', takenAt: taken.body.takenAt });
  expect((await (await h.as('gov-210881.admin')).post('/api/statistics/snapshots', { period: '2025-02' })).status).toBe(403);
  expect((await (await h.as('ftz.staff')).post('/api/statistics/snapshots', { period: '2025-02' })).status).toBe(403);
  const thisMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  expect((await ftzAdmin.post('/api/statistics/snapshots', { period: thisMonth })).status).toBe(409);

  // Later cases of March: a registration recorded late, and a March recognition withdrawn in April.
  await entity(h.db, '210881', march(30));
  await withdrawPenalty(h.db, recognisedInMarch, april(8));
  const after = (await ftzAdmin.get('/api/statistics?view=municipal&period=2025-03')).body;
  expect(after).toEqual(before);
  const live = (await ftzAdmin.get('/api/statistics?view=municipal&period=2025-03&source=live')).body;
  const live881 = live.rows.find((r: { unit: string }) => r.unit === '210881').indicators;
  expect(live881).toMatchObject({ registrations: 4, penaltiesRecognised: 0, correctionRounds: 0 });

  const next = await (await h.as('city.admin')).post('/api/statistics/snapshots', { period: '2025-04' });
  expect(next.status).toBe(201);
  const april2025 = (await ftzAdmin.get('/api/statistics?view=municipal&period=2025-04')).body;
  expect(april2025.corrections).toHaveLength(1);
  const [correction] = april2025.corrections;
  expect(correction.period).toBe('2025-03');
  const corrected = correction.rows.find((r: { unit: string }) => r.unit === '210881').indicators;
  expect(corrected).toEqual(figures({ registrations: 1, penaltiesRecognised: -1, correctionRounds: -2 }));
  // Published figures of March (its snapshot plus its corrections) are the records' figures now.
  const published = before.rows.map((r: { unit: string; indicators: Indicators }) => {
    const change = correction.rows.find((c: { unit: string }) => c.unit === r.unit)?.indicators ?? zeroIndicators();
    return [r.unit, sumIndicators([r.indicators, change])];
  });
  expect(Object.fromEntries(published)).toEqual(
    Object.fromEntries(live.rows.map((r: { unit: string; indicators: Indicators }) => [r.unit, r.indicators])),
  );
  // April's own figures: the recognition on 2 April of a penalty reported in February.
  expect(april2025.rows.find((r: { unit: string }) => r.unit === '210881').indicators).toMatchObject({
    penaltiesRecognised: 1,
    penaltiesReported: 0,
  });
  // In the national view the correction is merged too.
  const nationalApril = (await ftzAdmin.get('/api/statistics?view=national&period=2025-04')).body;
  expect(nationalApril.corrections[0].rows[0].indicators).toEqual(
    figures({ registrations: 1, penaltiesRecognised: -1, correctionRounds: -2 }),
  );

  // A correction is published once: May's snapshot finds nothing more to correct.
  expect((await ftzAdmin.post('/api/statistics/snapshots', { period: '2025-05' })).status).toBe(201);
  expect((await ftzAdmin.get('/api/statistics?period=2025-05')).body.corrections).toEqual([]);

  const overview = (await ftzAdmin.get('/api/statistics')).body;
  expect(overview.current.period).toBe(thisMonth);
  expect(overview.snapshots.map((s: { period: string; corrects: string[] }) => [s.period, s.corrects])).toEqual([
    ['2025-05', []],
    ['2025-04', ['2025-03']],
    ['2025-03', []],
  ]);
});

test('the monthly schedule exists after setup, once however often set up, and a run of it takes a snapshot', async () => {
  const scheduleId = uniqueName('statistics-monthly');
  expect(await ensureStatisticsSchedule(h.client, { taskQueue: h.taskQueue, scheduleId })).toBe('created');
  expect(await ensureStatisticsSchedule(h.client, { taskQueue: h.taskQueue, scheduleId })).toBe('updated');
  const handle = h.client.schedule.getHandle(scheduleId);
  try {
    const described = await handle.describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'statisticsSnapshot', taskQueue: h.taskQueue });
    expect(described.spec.calendars).toEqual([expect.objectContaining({ dayOfMonth: [{ start: 1, end: 1, step: 1 }] })]);
    await handle.trigger();
    const workflowId = await eventually(
      async () => (await handle.describe()).info.recentActions[0]?.action.workflow.workflowId,
      20_000,
      'the triggered run',
    );
    const result = await h.client.workflow.getHandle(workflowId).result();
    const [row] = await h.db.query<{ trigger: string; process_id: string }>(
      'SELECT trigger, process_id FROM statistics_snapshots WHERE period = $1',
      [result.period],
    );
    expect(row).toEqual({ trigger: 'schedule', process_id: workflowId });
  } finally {
    await handle.delete();
  }
});
