import { requestFingerprint, requestIdFor } from '../api/idempotency';
import { VIEW_IN_ANSWER_MAX_CHARS } from '../domain/actions';
import { startHarness, type Harness } from './support/harness';
import {
  area,
  complete,
  establish,
  expectDeclaredPath,
  launch,
  launchInput,
  memorandum,
  taskFor,
  timelineKinds,
} from './support/zone-flow';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

const zoneOf = async (code: string) => (await (await h.as('audit.auditor')).get(`/api/zones/${code}`)).body;

describe('zone establishment by memorandum', () => {
  test('the government signing first, then the FTZ, records the zone; naming the body makes it ACTIVE with its organisation', async () => {
    const county = await h.newCounty();
    const id = await establish(h, county);

    const zone = await zoneOf(county);
    expect(zone).toMatchObject({ code: county, status: 'ACTIVE', memorandumVersion: 1, orgId: `zone-${county}` });
    expect(zone.name).toBe(`营口自贸片区测试县${county.slice(4)}协同发展示范区`);
    expect(zone.memoranda).toEqual([expect.objectContaining({ version: 1, status: 'signed' })]);
    const orgs = (await (await h.as('audit.auditor')).get('/api/organizations')).body as { id: string; kind: string }[];
    expect(orgs).toContainEqual(expect.objectContaining({ id: `zone-${county}`, kind: 'zone', active: true }));
    expect(await timelineKinds(h, id)).toEqual([
      'launched',
      'memorandumDrafted',
      'memorandumSigned',
      'memorandumSigned',
      'zoneRecorded',
      'bodyNamed',
    ]);
    const process = (await (await h.as('audit.auditor')).get(`/api/processes/${id}`)).body;
    expect(process).toMatchObject({ id, type: 'zone-establishment', status: 'RUNNING', stage: 'ACTIVE', openTasks: [] });
    expect(process.data.path).toEqual(['PREPARING', 'DRAFTING', 'SIGNING', 'AWAITING_BODY', 'ACTIVE']);
  });

  test('the FTZ may sign first: the zone is recorded only when the second signature lands', async () => {
    const county = await h.newCounty();
    const id = await launch(h, county);
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    const afterFirst = await complete(h, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
    expect(afterFirst.stage).toBe('SIGNING');
    expect((await (await h.as('audit.auditor')).get(`/api/zones/${county}`)).status).toBe(404);
    const afterSecond = await complete(h, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
    expect(afterSecond.stage).toBe('AWAITING_BODY');
    expect(afterSecond.signatures).toEqual({
      ftz: expect.objectContaining({ version: 1, userId: 'ftz.leader' }),
      [`gov-${county}`]: expect.objectContaining({ version: 1, userId: `gov-${county}.leader` }),
    });
    expect(await zoneOf(county)).toMatchObject({ status: 'ACTIVE_PENDING_BODY', memorandumVersion: 1 });
  });

  test('a return with comments voids the signature already given; the new version needs both signatures again', async () => {
    const county = await h.newCounty();
    const gov = `gov-${county}.leader`;
    const id = await launch(h, county);
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    await complete(h, gov, id, 'reviewMemorandum', { decision: 'sign' });
    const returned = await complete(h, 'ftz.staff', id, 'reviewMemorandum', { decision: 'return', comments: '面积需核实' });
    expect(returned.stage).toBe('DRAFTING');
    expect(returned.signatures).toEqual({});
    expectDeclaredPath(returned.path);

    const redraft = await taskFor(h, 'ftz.staff', id, 'draftMemorandum');
    expect(redraft.context).toEqual({ returnedVersion: 1, comments: '面积需核实' });
    await complete(
      h,
      'ftz.staff',
      id,
      'draftMemorandum',
      memorandum(county, { boundary: area(county, { areaKm2: 11.8, description: '核实后的边界' }) }),
    );
    const afterFtz = await complete(h, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
    expect(afterFtz.stage).toBe('SIGNING');
    const done = await complete(h, gov, id, 'reviewMemorandum', { decision: 'sign' });
    expect(done.stage).toBe('AWAITING_BODY');

    const zone = await zoneOf(county);
    expect(zone).toMatchObject({ memorandumVersion: 2, areaKm2: 11.8 });
    expect(zone.memoranda.map((m: { version: number; status: string }) => [m.version, m.status])).toEqual([
      [1, 'returned'],
      [2, 'signed'],
    ]);
    expect(await timelineKinds(h, id)).toEqual([
      'launched',
      'memorandumDrafted',
      'memorandumSigned',
      'memorandumReturned',
      'signaturesVoided',
      'memorandumDrafted',
      'memorandumSigned',
      'memorandumSigned',
      'zoneRecorded',
    ]);
  });

  test('a second establishment for a county in progress is a 409 naming the running process', async () => {
    const county = await h.newCounty();
    const id = await launch(h, county);
    const again = await (await h.as('city.admin')).post('/api/processes/zone-establishment', launchInput(county));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(id);
    expect(again.body.error.details).toEqual({ processId: id });
  });

  test('only the city launches; bad input is a 400 with field paths and starts nothing', async () => {
    const gov = await h.as('gov-210881.admin');
    const forbidden = await gov.post('/api/processes/zone-establishment', { countyCode: '210881' });
    expect(forbidden.status).toBe(403);

    const city = await h.as('city.admin');
    for (const [input, path] of [
      [{ countyCode: '110101' }, 'body.countyCode'],
      [{ countyCode: '210800' }, 'body.countyCode'],
      [{}, 'body.countyCode'],
      [{ countyCode: '210881', extra: 1 }, 'body'],
      [{ countyCode: '210899' }, 'body.countyCode'],
    ] as const) {
      const response = await city.post('/api/processes/zone-establishment', input);
      expect(response.status).toBe(400);
      expect(response.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const notJson = await city.post('/api/processes/zone-establishment', '{"countyCode":');
    expect(notJson.status).toBe(400);
    const list = await (await h.as('audit.auditor')).get('/api/processes?zone=210899');
    expect(list.body.items).toEqual([]);
  });

  test('a task of another organisation is a 403, a bad payload a 400, a closed task a 409 — and none changes anything', async () => {
    const county = await h.newCounty();
    const id = await launch(h, county);
    const draft = await taskFor(h, 'ftz.staff', id, 'draftMemorandum');
    const gov = await h.as(`gov-${county}.staff`);
    const ftz = await h.as('ftz.staff');

    const wrongOrg = await gov.post(`/api/tasks/${draft.id}/complete`, memorandum(county));
    expect(wrongOrg.status).toBe(403);
    const wrongRole = await (await h.as('ftz.admin')).post(`/api/tasks/${draft.id}/complete`, memorandum(county));
    expect(wrongRole.status).toBe(403);
    const auditor = await (await h.as('audit.auditor')).post(`/api/tasks/${draft.id}/complete`, memorandum(county));
    expect(auditor.status).toBe(403);

    const bad = await ftz.post(`/api/tasks/${draft.id}/complete`, {
      ...memorandum(county),
      boundary: { ...area(county), areaKm2: -3, description: '' },
      effectiveDate: '2027-13-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body.boundary.areaKm2',
      'body.boundary.description',
      'body.effectiveDate',
    ]);

    const before = (await ftz.get(`/api/processes/${id}`)).body;
    expect(before.stage).toBe('DRAFTING');
    expect(before.data.memoranda).toEqual([]);
    expect(await timelineKinds(h, id)).toEqual(['launched']);

    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    const again = await ftz.post(`/api/tasks/${draft.id}/complete`, memorandum(county));
    expect(again.status).toBe(409);
    expect((await ftz.get(`/api/processes/${id}`)).body.data.memoranda).toHaveLength(1);
    expect((await ftz.get('/api/tasks/nope/complete')).status).toBe(404);
    expect((await ftz.post('/api/tasks/nope/complete', {})).status).toBe(404);
  });

  test('the workflow refuses a signature from a party whose task is not its own even past the API (validator)', async () => {
    const county = await h.newCounty();
    const id = await launch(h, county);
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    const ftzTask = await taskFor(h, 'ftz.staff', id, 'reviewMemorandum');
    const handle = h.client.workflow.getHandle(id);
    await expect(
      handle.executeUpdate('reviewMemorandum', {
        args: [
          {
            actor: { userId: 'intruder', orgId: `gov-${county}`, roles: ['staff'] },
            taskId: ftzTask.id,
            requestId: 'r1',
            payload: { decision: 'sign' },
          },
        ],
      }),
    ).rejects.toMatchObject({ cause: { type: 'NOT_YOUR_ORGANISATION' } });
    const state = (await (await h.as('audit.auditor')).get(`/api/processes/${id}`)).body;
    expect(state.data.signatures).toEqual({});
  });

  test('repeating a completion with the same Idempotency-Key acts once', async () => {
    const county = await h.newCounty();
    const id = await launch(h, county);
    const draft = await taskFor(h, 'ftz.staff', id, 'draftMemorandum');
    const ftz = await h.as('ftz.staff');
    const first = await ftz.post(`/api/tasks/${draft.id}/complete`, memorandum(county), { 'idempotency-key': `draft-${id}` });
    expect(first.status).toBe(200);
    const events = (await ftz.get(`/api/processes/${id}`)).body.history.events;
    const handle = h.client.workflow.getHandle(id);
    // The update id the API derived from the key (the caller's, bound to this very request).
    const requestId = requestIdFor(
      'ftz.staff',
      `draft-${id}`,
      requestFingerprint('POST', `/api/tasks/${draft.id}/complete`, memorandum(county)),
    );
    const repeated = await handle.executeUpdate('draftMemorandum', {
      args: [{ actor: { userId: 'ftz.staff', orgId: 'ftz', roles: ['staff'] }, taskId: draft.id, requestId, payload: memorandum(county) }],
      updateId: requestId,
    });
    // The update answers an acknowledgement and, the view being small, the state with it: the API
    // answers from it without a query (a view past VIEW_IN_ANSWER_MAX_CHARS stays out of the history).
    expect(repeated).toEqual({
      processId: id,
      stage: 'SIGNING',
      seq: expect.any(Number),
      step: expect.any(String),
      state: expect.objectContaining({ stage: 'SIGNING' }),
    });
    expect(JSON.stringify((repeated as { state: unknown }).state).length).toBeLessThanOrEqual(VIEW_IN_ANSWER_MAX_CHARS);
    expect((repeated as { state: { memoranda: unknown[] } }).state.memoranda).toHaveLength(1);
    // Through the API too: a retry after a lost answer gets the state, not a 409.
    const retried = await ftz.post(`/api/tasks/${draft.id}/complete`, memorandum(county), { 'idempotency-key': `draft-${id}` });
    expect(retried.status).toBe(200);
    expect(retried.body.state.memoranda).toHaveLength(1);
    expect((await ftz.get(`/api/processes/${id}`)).body.history.events).toBe(events);
    const fresh = await ftz.post(`/api/tasks/${draft.id}/complete`, memorandum(county), { 'idempotency-key': `another-${id}` });
    expect(fresh.status).toBe(409);
  });

  test("a view past the answer limit stays out of the update's answer, and the API still answers the whole state", async () => {
    const county = await h.newCounty();
    const id = await launch(h, county);
    const ftz = await h.as('ftz.staff');
    // Each version carries its 1,900-character area description: a few rounds pass the limit.
    const long = memorandum(county, { boundary: area(county, { description: '区'.repeat(1900) }) });
    let rounds = 0;
    for (;;) {
      const draft = await taskFor(h, 'ftz.staff', id, 'draftMemorandum');
      const key = `long-${id}-${++rounds}`;
      const answer = await ftz.post(`/api/tasks/${draft.id}/complete`, long, { 'idempotency-key': key });
      expect(answer.status).toBe(200);
      expect(answer.body.state.memoranda).toHaveLength(rounds);
      if (JSON.stringify(answer.body.state).length <= VIEW_IN_ANSWER_MAX_CHARS) {
        await complete(h, 'ftz.staff', id, 'reviewMemorandum', { decision: 'return', comments: '再议' });
        continue;
      }
      // The update's own answer for that request: the ack alone, so the history holds no copy of the view.
      const requestId = requestIdFor('ftz.staff', key, requestFingerprint('POST', `/api/tasks/${draft.id}/complete`, long));
      const repeated = await h.client.workflow.getHandle(id).executeUpdate('draftMemorandum', {
        args: [{ actor: { userId: 'ftz.staff', orgId: 'ftz', roles: ['staff'] }, taskId: draft.id, requestId, payload: long }],
        updateId: requestId,
      });
      expect(repeated).toEqual({ processId: id, stage: 'SIGNING', seq: expect.any(Number), step: expect.any(String) });
      break;
    }
    expect(rounds).toBeGreaterThan(1);
  });
});

describe('the zone after establishment', () => {
  test('an amendment is drafted and signed by both sides again, and its version comes into force', async () => {
    const county = await h.newCounty();
    const id = await establish(h, county);
    const admin = await h.as(`gov-${county}.admin`);
    const proposed = await admin.post(`/api/processes/${id}/actions/proposeAmendment`, { reason: '扩区' });
    expect(proposed.status).toBe(200);
    expect(proposed.body.state.stage).toBe('AMENDMENT_DRAFTING');
    expect((await zoneOf(county)).status).toBe('ACTIVE');

    await complete(
      h,
      'ftz.staff',
      id,
      'draftMemorandum',
      memorandum(county, { boundary: area(county, { areaKm2: 20, description: '扩区后' }) }),
    );
    await complete(h, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
    const done = await complete(h, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
    expect(done.stage).toBe('ACTIVE');
    const zone = await zoneOf(county);
    expect(zone).toMatchObject({ status: 'ACTIVE', memorandumVersion: 2, areaKm2: 20 });
    expect(zone.memoranda.map((m: { status: string }) => m.status)).toEqual(['superseded', 'signed']);
  });

  test('the city suspends and resumes; termination needs the other side to agree, and a refusal changes nothing', async () => {
    const county = await h.newCounty();
    const id = await establish(h, county);
    const city = await h.as('city.admin');

    const byGov = await (await h.as(`gov-${county}.admin`)).post(`/api/processes/${id}/actions/suspendZone`, { reason: 'x' });
    expect(byGov.status).toBe(403);
    expect((await city.post(`/api/processes/${id}/actions/resumeZone`, {})).status).toBe(409);
    expect((await city.post(`/api/processes/${id}/actions/suspendZone`, { reason: '整改' })).body.state.stage).toBe('SUSPENDED');
    expect((await zoneOf(county)).status).toBe('SUSPENDED');
    expect((await city.post(`/api/processes/${id}/actions/resumeZone`, { note: '整改完成' })).body.state.stage).toBe('ACTIVE');

    const ftzAdmin = await h.as('ftz.admin');
    expect((await ftzAdmin.post(`/api/processes/${id}/actions/proposeTermination`, { reason: '' })).status).toBe(400);
    expect((await ftzAdmin.post(`/api/processes/${id}/actions/proposeTermination`, { reason: '园区调整' })).status).toBe(200);
    await complete(h, `gov-${county}.admin`, id, 'consentTermination', { decision: 'refuse', note: '不同意' });
    expect((await zoneOf(county)).status).toBe('ACTIVE');

    await ftzAdmin.post(`/api/processes/${id}/actions/proposeTermination`, { reason: '双方协商一致' });
    const ended = await complete(h, `gov-${county}.admin`, id, 'consentTermination', { decision: 'agree' });
    expect(ended.stage).toBe('TERMINATED');
    expectDeclaredPath(ended.path);
    expect((await zoneOf(county)).status).toBe('TERMINATED');
    const orgs = (await city.get('/api/organizations')).body as { id: string; active: boolean }[];
    expect(orgs.find((o) => o.id === `zone-${county}`)?.active).toBe(false);
    const result = await h.client.workflow.getHandle(id).result();
    expect(result.stage).toBe('TERMINATED');
    expect((await city.get(`/api/processes/${id}`)).body.status).toBe('COMPLETED');

    // A terminated zone's county may apply again: a new chain of the same process id, with new tasks.
    expect((await city.post('/api/processes/zone-establishment', launchInput(county))).status).toBe(201);
    const redraft = await taskFor(h, 'ftz.staff', id, 'draftMemorandum');
    expect(redraft.context).toEqual({});
  });

  test('an ACTIVE zone cannot be established again', async () => {
    const county = await h.newCounty();
    await establish(h, county);
    const again = await (await h.as('city.admin')).post('/api/processes/zone-establishment', launchInput(county));
    expect(again.status).toBe(409);
  });
});
