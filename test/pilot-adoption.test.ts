import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { PILOT_TRANSITIONS } from '../domain/pilots';
import { startHarness, type Harness } from './support/harness';
import { complete, establish, expectDeclaredPath, taskFor, timelineKinds } from './support/zone-flow';
import { scaled } from './support/time';

let h: Harness;
let zoneA: string;
let zoneB: string;
beforeAll(async () => {
  h = await startHarness();
  zoneA = await h.newCounty();
  zoneB = await h.newCounty();
  await establish(h, zoneA);
  await establish(h, zoneB);
}, scaled(90_000));
afterAll(() => h?.stop());

const listing = {
  titleZh: '企业登记住所与经营场所分离登记',
  titleEn: 'Registering residence and business premises separately',
  grantedBy: '辽宁省人民政府',
  grantedOn: '2021-04-01',
};

async function launchPilot(measureCode: string, withListing = true) {
  return (await h.as('ftz.admin')).post('/api/processes/pilot-adoption', { measureCode, ...(withListing ? { listing } : {}) });
}

test('the FTZ lists a measure; each zone government adopts or declines it; the report shows which zone runs it', async () => {
  const launched = await launchPilot('RM-901');
  expect(launched.status).toBe(201);
  expect(launched.body).toMatchObject({ id: 'pilot-RM-901', type: 'pilot-adoption' });
  const id = launched.body.id as string;

  const taskA = await taskFor(h, `gov-${zoneA}.staff`, id, 'decidePilot');
  expect(taskA.context).toMatchObject({ measureCode: 'RM-901', zoneCode: zoneA });
  const pending = (await (await h.as('audit.auditor')).get('/api/pilots?measure=RM-901')).body;
  expect(pending.measures[0].zones.map((z: { zoneCode: string; status: string }) => [z.zoneCode, z.status])).toEqual([
    [zoneA, 'PENDING'],
    [zoneB, 'PENDING'],
  ]);

  // Another county's government may not decide for this zone: refused at the API and by the workflow.
  const intruder = await (
    await h.as(`gov-${zoneB}.staff`)
  ).post(`/api/tasks/${taskA.id}/complete`, { decision: 'decline', date: '2026-05-01', note: '越权' });
  expect(intruder.status).toBe(403);
  const past = await h.client.workflow
    .getHandle(id)
    .executeUpdate('decidePilot', {
      args: [
        {
          actor: { userId: `gov-${zoneB}.staff`, orgId: `gov-${zoneB}`, roles: ['staff'] },
          taskId: taskA.id,
          requestId: randomUUID(),
          payload: { decision: 'decline', date: '2026-05-01', note: '越权' },
        },
      ],
    })
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  expect(past).toBeInstanceOf(WorkflowUpdateFailedError);
  expect((past as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'NOT_YOUR_ORGANISATION' });
  const bad = await (await h.as(`gov-${zoneA}.staff`)).post(`/api/tasks/${taskA.id}/complete`, { decision: 'maybe', date: '2026-13-01' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.date', 'body.decision', 'body.note']);
  const noSuchDay = await (
    await h.as(`gov-${zoneA}.staff`)
  ).post(`/api/tasks/${taskA.id}/complete`, { decision: 'adopt', date: '2026-02-30', note: '实施' });
  expect(noSuchDay.status).toBe(400);

  await complete(h, `gov-${zoneA}.staff`, id, 'decidePilot', { decision: 'adopt', date: '2026-05-01', note: '结合园区实际，自5月起实施' });
  // Deciding twice: the task is closed.
  const twice = await (
    await h.as(`gov-${zoneA}.staff`)
  ).post(`/api/tasks/${taskA.id}/complete`, { decision: 'decline', date: '2026-05-02', note: '改变主意' });
  expect(twice.status).toBe(409);
  const state = await complete(h, `gov-${zoneB}.staff`, id, 'decidePilot', {
    decision: 'decline',
    date: '2026-05-03',
    note: '园区暂无相关业务',
  });
  expect(state.stage).toBe('DECIDED');
  expectDeclaredPath(state.path, PILOT_TRANSITIONS);
  const ended = await h.client.workflow.getHandle(id).result();
  expect(ended.zones.map((z: { zoneCode: string; decision: { decision: string } }) => [z.zoneCode, z.decision.decision])).toEqual([
    [zoneA, 'adopt'],
    [zoneB, 'decline'],
  ]);

  const report = (await (await h.as('city.staff')).get('/api/pilots?measure=RM-901&lang=en')).body;
  expect(report.measures).toEqual([
    expect.objectContaining({
      code: 'RM-901',
      title: listing.titleEn,
      grantedOn: '2021-04-01',
      zones: [
        expect.objectContaining({
          zoneCode: zoneA,
          status: 'ADOPTED',
          decidedOn: '2026-05-01',
          note: '结合园区实际，自5月起实施',
          processId: id,
        }),
        expect.objectContaining({ zoneCode: zoneB, status: 'DECLINED', decidedOn: '2026-05-03' }),
      ],
    }),
  ]);
  expect(report.zones).toEqual([
    expect.objectContaining({ zoneCode: zoneA, adopted: ['RM-901'], declined: [], pending: [] }),
    expect.objectContaining({ zoneCode: zoneB, adopted: [], declined: ['RM-901'], pending: [] }),
  ]);
  expect(await timelineKinds(h, id)).toEqual(['pilotLaunched', 'pilotAdopted', 'pilotDeclined', 'pilotDecided']);

  // Every zone has decided: nothing is left to launch for this measure.
  const relaunch = await launchPilot('RM-901', false);
  expect(relaunch.status).toBe(409);
});

test('bad input: an unknown measure, a measure listed twice, a launch by anyone but an FTZ admin', async () => {
  const unknown = await launchPilot('RM-902', false);
  expect(unknown.status).toBe(400);
  expect(unknown.body.error.details).toEqual([expect.objectContaining({ path: 'body.measureCode' })]);
  expect((await (await h.as('audit.auditor')).get('/api/pilots?measure=RM-902')).status).toBe(404);
  expect((await (await h.as('ftz.admin')).post('/api/processes/pilot-adoption', { measureCode: 'pilot-1' })).status).toBe(400);
  // RM-001 is seeded, with its source, and no pilot since it applies nationwide (2021-07-01): listing it
  // again is a conflict, and so is offering it.
  const seeded = (await (await h.as('ftz.staff')).get('/api/pilots?measure=RM-001')).body.measures[0];
  expect(seeded).toMatchObject({
    code: 'RM-001',
    title: '“证照分离”改革全覆盖',
    source: expect.stringContaining('国发〔2019〕25号'),
    delisted: { on: '2021-07-01', reason: expect.stringContaining('国发〔2021〕7号') },
    zones: [],
  });
  expect((await launchPilot('RM-001')).status).toBe(409);
  const offered = await (await h.as('ftz.admin')).post('/api/processes/pilot-adoption', { measureCode: 'RM-001' });
  expect([offered.status, offered.body.error.message]).toEqual([409, expect.stringContaining('no pilot since 2021-07-01')]);
  const measures = (await (await h.as('ftz.staff')).get('/api/pilots')).body.measures as { code: string; source: string | null }[];
  expect(measures.filter((m) => m.code.startsWith('RM-00')).every((m) => m.source)).toBe(true);
  expect((await (await h.as(`gov-${zoneA}.admin`)).post('/api/processes/pilot-adoption', { measureCode: 'RM-002' })).status).toBe(403);
  expect((await (await h.as('ftz.staff')).post('/api/processes/pilot-adoption', { measureCode: 'RM-002' })).status).toBe(403);
});

test('launched again, a measure is offered only to the zones that became ACTIVE since', async () => {
  const first = (await launchPilot('RM-903')).body.id as string;
  await complete(h, `gov-${zoneA}.staff`, first, 'decidePilot', { decision: 'adopt', date: '2026-06-01', note: '实施' });
  await complete(h, `gov-${zoneB}.staff`, first, 'decidePilot', { decision: 'adopt', date: '2026-06-02', note: '实施' });
  await h.client.workflow.getHandle(first).result();
  const zoneC = await h.newCounty();
  await establish(h, zoneC);
  const again = await launchPilot('RM-903', false);
  expect(again.status).toBe(201);
  const state = await complete(h, `gov-${zoneC}.staff`, again.body.id, 'decidePilot', {
    decision: 'adopt',
    date: '2026-07-01',
    note: '新设协同区跟进实施',
  });
  expect(state.zones.map((z: { zoneCode: string }) => z.zoneCode)).toEqual([zoneC]);
  expect(state.stage).toBe('DECIDED');
  const report = (await (await h.as('ftz.admin')).get(`/api/pilots?zone=${zoneC}`)).body;
  expect(report.zones).toEqual([expect.objectContaining({ zoneCode: zoneC, adopted: ['RM-903'] })]);
});
