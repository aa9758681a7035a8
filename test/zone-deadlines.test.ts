import { eventually, startHarness, type Harness } from './support/harness';
import { complete, launch, memorandum, taskFor, timelineKinds } from './support/zone-flow';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

const notifications = (id: string) =>
  h.db.query<{ org_id: string; kind: string }>(
    `SELECT org_id, kind FROM notifications WHERE process_id = $1 AND kind <> 'task' ORDER BY id`,
    [id],
  );

describe('the memorandum signing deadline', () => {
  test('reminds the awaited organisations at half time, escalates to the city at expiry, and the city may withdraw', async () => {
    const county = await h.newCounty({ signingPeriod: { seconds: 3 } });
    const id = await launch(h, county);
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));

    const escalation = await taskFor(h, 'city.admin', id, 'decideOverdueMemorandum');
    expect(await notifications(id)).toEqual([
      { org_id: `gov-${county}`, kind: 'reminder' },
      { org_id: 'ftz', kind: 'reminder' },
      { org_id: 'city', kind: 'escalation' },
    ]);
    const inbox = (await (await h.as(`gov-${county}.staff`)).get(`/api/tasks?processId=${id}`)).body.items;
    expect(inbox).toEqual([expect.objectContaining({ action: 'reviewMemorandum', overdue: true })]);

    const staffTry = await (await h.as('city.staff')).post(`/api/tasks/${escalation.id}/complete`, { decision: 'withdraw', reason: 'x' });
    expect(staffTry.status).toBe(403);
    const withdrawn = await complete(h, 'city.admin', id, 'decideOverdueMemorandum', { decision: 'withdraw', reason: '县政府未按期签署' });
    expect(withdrawn.stage).toBe('WITHDRAWN');
    expect(withdrawn.openTasks).toEqual([]);
    await h.client.workflow.getHandle(id).result();
    expect((await (await h.as(`gov-${county}.staff`)).get(`/api/tasks?processId=${id}`)).body.items).toEqual([]);
    expect(await timelineKinds(h, id)).toEqual(['launched', 'memorandumDrafted', 'reminderSent', 'escalated', 'withdrawn']);
  });

  test('each fires once: after "keep waiting" the signing completes and no second escalation comes', async () => {
    const county = await h.newCounty({ signingPeriod: { seconds: 2 } });
    const id = await launch(h, county);
    await taskFor(h, 'city.admin', id, 'decideOverdueMemorandum');
    await complete(h, 'city.admin', id, 'decideOverdueMemorandum', { decision: 'keepWaiting', reason: '双方仍在协商' });
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    await complete(h, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
    const done = await complete(h, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
    expect(done.stage).toBe('AWAITING_BODY');
    const kinds = await timelineKinds(h, id);
    expect(kinds.filter((k) => k === 'reminderSent')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'escalated')).toHaveLength(1);
    expect(kinds).toContain('escalationAnswered');
  });

  test('a memorandum signed in time sends no reminder and no escalation', async () => {
    // A period no busy machine outlasts: whether its warnings could still come is read from the timers.
    const county = await h.newCounty({ signingPeriod: { seconds: 600 } });
    const id = await launch(h, county);
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    await complete(h, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
    await complete(h, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
    // No waiting for the time to pass: the deadline's timer is cancelled, so nothing can fire later.
    const timers = await eventually(async () => {
      const events = (await h.client.workflow.getHandle(id).fetchHistory()).events ?? [];
      type Attributes = 'timerStartedEventAttributes' | 'timerCanceledEventAttributes' | 'timerFiredEventAttributes';
      const count = (attributes: Attributes) => events.filter((e) => e[attributes]).length;
      const seen = {
        started: count('timerStartedEventAttributes'),
        canceled: count('timerCanceledEventAttributes'),
        fired: count('timerFiredEventAttributes'),
      };
      return seen.canceled > 0 ? seen : undefined;
    });
    expect(timers).toEqual({ started: 1, canceled: 1, fired: 0 });
    expect(await notifications(id)).toEqual([]);
    expect(await timelineKinds(h, id)).not.toContain('reminderSent');
  });

  test('the default deadline is 30 working days from launch, at the end of the day in China', async () => {
    const county = await h.newCounty();
    const id = await launch(h, county);
    const process = await eventually(async () => {
      const body = (await (await h.as('audit.auditor')).get(`/api/processes/${id}`)).body;
      return body.deadlines.length ? body : undefined;
    });
    expect(process.deadlines[0]).toMatchObject({
      name: 'memorandum.signing',
      period: '30 working days',
      reminded: false,
      escalated: false,
    });
    expect(process.deadlines[0].dueAt).toMatch(/T15:59:59\.000Z$/);
  });
});
