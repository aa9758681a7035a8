import type { Step } from '../activities/step';
import { eventually, startHarness, type Harness } from './support/harness';
import { awaitHeldByEngine } from './support/engine-state';
import { area, complete, establish, expectDeclaredPath, launch, memorandum, taskFor, timelineKinds } from './support/zone-flow';

/** Fails the step that records a zone once, after its transaction committed: a crash before the reply. */
const faults = {
  thrown: 0,
  afterCommit(step: Step) {
    if (step.zone?.status === 'ACTIVE_PENDING_BODY' && step.zone.code === faults.county && faults.thrown === 0) {
      faults.thrown++;
      throw new Error('injected: the worker lost the reply after the commit');
    }
  },
  county: '',
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ faults });
});
afterAll(() => h?.stop());

/** The process's latest run is (or is not) found by a visibility query: eventually consistent, so polled. */
async function expectFoundBy(id: string, query: string, found = true): Promise<void> {
  await eventually(
    async () => {
      const ids = [];
      for await (const run of h.client.workflow.list({ query: `WorkflowId = '${id}' AND ExecutionStatus = 'Running' AND ${query}` }))
        ids.push(run.workflowId);
      return ids.includes(id) === found ? true : undefined;
    },
    20_000,
    `${id} ${found ? '' : 'not '}found by ${query}`,
  );
}

const count = async (sql: string, params: unknown[]) => Number((await h.db.query<{ n: string }>(sql, params))[0].n);

describe('durability', () => {
  test('an activity retried after its write committed writes each record exactly once', async () => {
    const county = await h.newCounty();
    faults.county = county;
    const id = await establish(h, county);
    expect(faults.thrown).toBe(1);

    const history = await h.client.workflow.getHandle(id).fetchHistory();
    const retried = history.events!.filter((e) => e.activityTaskStartedEventAttributes?.attempt === 2);
    expect(retried).toHaveLength(1);
    expect(await count('SELECT count(*) AS n FROM zones WHERE code = $1', [county])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM memoranda WHERE process_id = $1', [id])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM process_events WHERE process_id = $1 AND kind = 'zoneRecorded'`, [id])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM tasks WHERE process_id = $1 AND action = 'nameManagementBody'`, [id])).toBe(1);
    expect(await timelineKinds(h, id)).toEqual([
      'launched',
      'memorandumDrafted',
      'memorandumSigned',
      'memorandumSigned',
      'zoneRecorded',
      'bodyNamed',
    ]);
  });

  test('a worker stopped mid-process loses nothing: a completion sent meanwhile lands when a new worker starts', async () => {
    const county = await h.newCounty();
    const id = await launch(h, county);
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    const review = await taskFor(h, 'ftz.staff', id, 'reviewMemorandum');

    await h.stopWorker();
    const ftz = await h.as('ftz.leader');
    const pending = ftz.post(`/api/tasks/${review.id}/complete`, { decision: 'sign' });
    await awaitHeldByEngine(h, id, review.id);
    await h.startWorker();
    const signed = await pending;
    expect(signed.status).toBe(200);
    expect(signed.body.state.signatures.ftz.version).toBe(1);

    await complete(h, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
    await complete(h, `gov-${county}.staff`, id, 'nameManagementBody', { name: '管委会', head: '王五', contact: '123', address: '某地' });
    const zone = (await (await h.as('audit.auditor')).get(`/api/zones/${county}`)).body;
    expect(zone.status).toBe('ACTIVE');
  });

  test('continue-as-new, forced by a small history limit, keeps the whole state and one timeline', async () => {
    const county = await h.newCounty({ historyEventLimit: 40 });
    const id = await establish(h, county);
    const city = await h.as('city.admin');
    for (let round = 0; round < 4; round++) {
      expect((await city.post(`/api/processes/${id}/actions/suspendZone`, { reason: `检查 ${round}` })).status).toBe(200);
      expect((await city.post(`/api/processes/${id}/actions/resumeZone`, {})).status).toBe(200);
    }
    const admin = await h.as(`gov-${county}.admin`);
    expect((await admin.post(`/api/processes/${id}/actions/proposeAmendment`, { reason: '扩区' })).status).toBe(200);
    // The engine's search follows the stage and the awaited organisation across runs, though a
    // step upserts only what changed.
    await expectFoundBy(id, `Stage = 'AMENDMENT_DRAFTING' AND AwaitingOrgs = 'ftz'`);
    await complete(
      h,
      'ftz.staff',
      id,
      'draftMemorandum',
      memorandum(county, { boundary: area(county, { areaKm2: 30, description: '扩区后' }) }),
    );
    await complete(h, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
    await complete(h, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });

    await expectFoundBy(id, `Stage = 'ACTIVE'`);
    await expectFoundBy(id, `AwaitingOrgs = 'ftz'`, false);

    const runs = [];
    for await (const run of h.client.workflow.list({ query: `WorkflowId = '${id}'` })) runs.push(run.status.name);
    expect(runs.filter((status) => status === 'CONTINUED_AS_NEW').length).toBeGreaterThanOrEqual(2);

    const process = (await (await h.as('audit.auditor')).get(`/api/processes/${id}`)).body;
    expect(process.stage).toBe('ACTIVE');
    expect(process.history.events).toBeLessThan(60);
    expect(process.data.memoranda.map((m: { version: number; status: string }) => [m.version, m.status])).toEqual([
      [1, 'superseded'],
      [2, 'signed'],
    ]);
    expect(process.data.signedVersion).toBe(2);
    expectDeclaredPath(process.data.path);
    expect(process.data.body).toMatchObject({ head: '李明' });
    const kinds = await timelineKinds(h, id);
    expect(kinds.filter((k) => k === 'suspended')).toHaveLength(4);
    expect(kinds.at(-1)).toBe('amendmentInForce');
    const zone = (await (await h.as('audit.auditor')).get(`/api/zones/${county}`)).body;
    expect(zone).toMatchObject({ status: 'ACTIVE', memorandumVersion: 2, areaKm2: 30 });
  });
});
