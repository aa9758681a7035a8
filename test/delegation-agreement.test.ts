import { addDays, AGREEMENT_TRANSITIONS } from '../domain/agreements';
import { agreement, agreementContent, authority, concludeAgreement, launchAgreement, today } from './support/agreement-flow';
import { scaled } from './support/time';
import { eventually, startHarness, type Harness } from './support/harness';
import { complete, establish, expectDeclaredPath, launch, memorandum, taskFor, timelineKinds } from './support/zone-flow';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

async function activeZone(
  policy: Parameters<Harness['newCounty']>[0] = {},
  agreementPolicy: Record<string, unknown> = {},
): Promise<string> {
  const zone = await h.newCounty(policy);
  for (const [key, value] of Object.entries(agreementPolicy)) {
    await h.db.query('INSERT INTO policies (key, scope, value) VALUES ($1, $2, $3)', [key, zone, JSON.stringify(value)]);
  }
  await establish(h, zone);
  return zone;
}

describe('delegation agreements', () => {
  test('negotiated, signed by both, announced: IN FORCE with its powers, and authority follows its term to the day', async () => {
    const zone = await activeZone();
    const term = { startDate: today(), endDate: addDays(today(), 364) };
    const id = await concludeAgreement(
      h,
      zone,
      agreementContent([{ powerCode: 'XK-001' }, { powerCode: 'JC-002', scope: 'review' }], term),
    );

    const listed = (await (await h.as('gov-210881.staff')).get(`/api/agreements?zone=${zone}`)).body;
    expect(listed).toEqual([
      expect.objectContaining({
        id,
        status: 'IN_FORCE',
        currentVersion: 1,
        startDate: term.startDate,
        endDate: term.endDate,
        announcedOn: today(),
        items: [
          { powerCode: 'JC-002', scope: 'review', revokedOn: null },
          { powerCode: 'XK-001', scope: 'decision', revokedOn: null },
        ],
      }),
    ]);
    expect(await authority(h, zone, 'XK-001', term.startDate)).toEqual({ inForce: true, agreementId: id, version: 1, scope: 'decision' });
    expect(await authority(h, zone, 'XK-001', term.endDate)).toMatchObject({ inForce: true, version: 1 });
    expect(await authority(h, zone, 'XK-001', addDays(term.endDate, 1))).toMatchObject({
      inForce: false,
      reason: expect.stringContaining('not on'),
    });
    expect(await authority(h, zone, 'XK-001', addDays(term.startDate, -1))).toMatchObject({ inForce: false });
    expect(await authority(h, zone, 'XK-002', term.startDate)).toMatchObject({ inForce: false });
    expect(await timelineKinds(h, id)).toEqual([
      'agreementLaunched',
      'agreementDrafted',
      'agreementSigned',
      'agreementSigned',
      'agreementConcluded',
      'agreementAnnounced',
    ]);
  });

  test('a return voids the signature given; signing the superseded version is refused; the new version is signed again', async () => {
    const zone = await activeZone();
    const id = await launchAgreement(h, zone);
    await complete(h, 'ftz.staff', id, 'draftAgreement', agreementContent([{ powerCode: 'XK-002' }]));
    await complete(h, `gov-${zone}.leader`, id, 'reviewAgreement', { decision: 'sign' });
    const ftzReview = await taskFor(h, 'ftz.staff', id, 'reviewAgreement');
    const returned = await complete(h, 'ftz.staff', id, 'reviewAgreement', { decision: 'return', comments: '补充责任条款' });
    expect(returned).toMatchObject({ stage: 'DRAFTING', signatures: {} });
    const redraft = await taskFor(h, 'ftz.staff', id, 'draftAgreement');
    expect(redraft.context).toMatchObject({
      returnedVersion: 1,
      comments: '补充责任条款',
      prefill: expect.objectContaining({ items: [{ powerCode: 'XK-002', scope: 'decision' }] }),
    });

    const stale = await (await h.as('ftz.leader')).post(`/api/tasks/${ftzReview.id}/complete`, { decision: 'sign' });
    expect(stale.status).toBe(409);
    const signedStale = h.client.workflow.getHandle(id).executeUpdate('reviewAgreement', {
      args: [
        {
          actor: { userId: 'ftz.leader', orgId: 'ftz', roles: ['leader'] },
          taskId: ftzReview.id,
          requestId: 'stale',
          payload: { decision: 'sign' },
        },
      ],
    });
    await expect(signedStale).rejects.toMatchObject({ cause: { type: 'TASK_NOT_OPEN' } });

    await complete(h, 'ftz.staff', id, 'draftAgreement', { ...agreementContent([{ powerCode: 'XK-002' }]), liability: '补充后的责任条款' });
    await complete(h, 'ftz.leader', id, 'reviewAgreement', { decision: 'sign' });
    const signed = await complete(h, `gov-${zone}.leader`, id, 'reviewAgreement', { decision: 'sign' });
    expect(signed.stage).toBe('SIGNED');
    expect(signed.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, 'returned'],
      [2, 'signed'],
    ]);
    expect(signed.openTasks).toEqual([expect.objectContaining({ action: 'announceAgreement', orgId: 'ftz', dueAt: expect.any(String) })]);
    expect((await agreement(h, id)).status).toBe('SIGNED');
    expect(await authority(h, zone, 'XK-002', today())).toMatchObject({ inForce: false, reason: expect.stringContaining('not announced') });
  });

  test('an announcement dated after today, before the signatures or after the period is refused; the agreement stays unannounced', async () => {
    const zone = await activeZone();
    const id = await launchAgreement(h, zone);
    await complete(h, 'ftz.staff', id, 'draftAgreement', agreementContent([{ powerCode: 'XK-002' }]));
    await complete(h, `gov-${zone}.leader`, id, 'reviewAgreement', { decision: 'sign' });
    const signed = await complete(h, 'ftz.leader', id, 'reviewAgreement', { decision: 'sign' });
    const task = await taskFor(h, 'ftz.staff', id, 'announceAgreement');
    const announce = (announcedOn: string) =>
      h.as('ftz.staff').then((ftz) => ftz.post(`/api/tasks/${task.id}/complete`, { announcementRef: '营自贸委〔2026〕9号', announcedOn }));

    const future = await announce(addDays(today(), 60));
    expect([future.status, future.body.error.reason, future.body.error.details]).toEqual([
      400,
      'ANNOUNCED_AFTER_TODAY',
      [{ path: 'body.announcedOn', message: expect.stringContaining('cannot be dated after today') }],
    ]);
    // In Chinese by default, naming the date.
    const futureZh = await h
      .as('ftz.staff')
      .then((ftz) =>
        ftz.post(
          `/api/tasks/${task.id}/complete`,
          { announcementRef: '营自贸委〔2026〕9号', announcedOn: addDays(today(), 60) },
          { 'accept-language': 'zh' },
        ),
      );
    expect(futureZh.body.error.message).toBe(`公告日期 ${addDays(today(), 60)} 不得晚于今天（${today()}）`);
    const early = await announce(addDays(today(), -1));
    expect([early.status, early.body.error.reason, early.body.error.details[0].path]).toEqual([
      400,
      'ANNOUNCED_BEFORE_SIGNING',
      'body.announcedOn',
    ]);
    // Sent past the API, straight to the engine: the workflow's own validator refuses it too.
    const late = h.client.workflow.getHandle(id).executeUpdate('announceAgreement', {
      args: [
        {
          actor: { userId: 'ftz.staff', orgId: 'ftz', roles: ['staff'] },
          taskId: task.id,
          requestId: 'future',
          payload: { announcementRef: '营自贸委〔2026〕9号', announcedOn: addDays(today(), 60) },
        },
      ],
    });
    await expect(late).rejects.toMatchObject({ cause: { type: 'ANNOUNCED_AFTER_TODAY', details: [{ path: 'body.announcedOn' }] } });
    expect(await agreement(h, id)).toMatchObject({ status: 'SIGNED', announcedOn: null });
    expect(await authority(h, zone, 'XK-002', today())).toMatchObject({ inForce: false });
    expect(signed.deadlines[0].dueAt > new Date().toISOString()).toBe(true);

    expect((await announce(today())).status).toBe(200);
    expect(await agreement(h, id)).toMatchObject({ status: 'IN_FORCE', announcedOn: today() });
  });

  test('bad drafts are refused with their reasons and change nothing', async () => {
    const zone = await activeZone();
    const other = await activeZone();
    await concludeAgreement(h, zone, agreementContent([{ powerCode: 'XK-003' }]));
    const id = await launchAgreement(h, zone);
    const task = await taskFor(h, 'ftz.staff', id, 'draftAgreement');
    const ftz = await h.as('ftz.staff');
    const attempt = (content: unknown) => ftz.post(`/api/tasks/${task.id}/complete`, content);

    const unknown = await attempt(agreementContent([{ powerCode: 'ZZ-999' }]));
    expect([unknown.status, unknown.body.error.reason]).toEqual([400, 'POWER_NOT_IN_CATALOGUE']);
    expect(unknown.body.error.details).toEqual([
      { path: 'body.items.0.powerCode', message: expect.stringContaining('not in the published catalogue') },
    ]);
    const tooLong = await attempt(agreementContent([{ powerCode: 'XK-004' }], { startDate: '2026-01-01', endDate: '2029-01-01' }));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details).toEqual([{ path: 'body.term.endDate', message: 'a term may last at most 3 years' }]);
    // Two faults at once: each a cause of its own, on its field, with its code; the first leads.
    const twoFaults = agreementContent([{ powerCode: 'ZZ-999' }], { startDate: '2026-01-01', endDate: '2029-01-01' });
    const both = await attempt(twoFaults);
    expect([both.status, both.body.error.reason]).toEqual([400, 'POWER_NOT_IN_CATALOGUE']);
    expect(both.body.error.details.map((d: { path: string; reason: string }) => [d.path, d.reason])).toEqual([
      ['body.items.0.powerCode', 'POWER_NOT_IN_CATALOGUE'],
      ['body.term.endDate', 'TERM_TOO_LONG'],
    ]);
    // Past the API the workflow refuses with both too.
    const bothPast = h.client.workflow.getHandle(id).executeUpdate('draftAgreement', {
      args: [
        { actor: { userId: 'ftz.staff', orgId: 'ftz', roles: ['staff'] }, taskId: task.id, requestId: 'two-faults', payload: twoFaults },
      ],
    });
    await expect(bothPast).rejects.toMatchObject({
      cause: {
        type: 'POWER_NOT_IN_CATALOGUE',
        details: [
          { code: 'POWER_NOT_IN_CATALOGUE', path: 'body.items.0.powerCode' },
          { code: 'TERM_TOO_LONG', params: { maxYears: 3 }, path: 'body.term.endDate' },
        ],
      },
    });
    const backwards = await attempt(agreementContent([{ powerCode: 'XK-004' }], { startDate: '2026-06-01', endDate: '2026-05-01' }));
    expect(backwards.status).toBe(400);
    const noClause = await attempt({ ...agreementContent([{ powerCode: 'XK-004' }]), noSubEntrustment: false });
    expect(noClause.body.error.details[0].path).toBe('body.noSubEntrustment');
    const overlap = await attempt(agreementContent([{ powerCode: 'XK-004' }, { powerCode: 'XK-003' }]));
    expect([overlap.status, overlap.body.error.reason]).toEqual([409, 'POWER_ALREADY_ENTRUSTED']);
    expect(overlap.body.error.details).toEqual([{ path: 'body.items.1.powerCode', message: expect.stringContaining('already entrusted') }]);
    // The same power in another zone is no overlap.
    await concludeAgreement(h, other, agreementContent([{ powerCode: 'XK-003' }]));

    // The workflow refuses the same even when the API is bypassed.
    const bypass = h.client.workflow.getHandle(id).executeUpdate('draftAgreement', {
      args: [
        {
          actor: { userId: 'ftz.staff', orgId: 'ftz', roles: ['staff'] },
          taskId: task.id,
          requestId: 'bypass',
          payload: agreementContent([{ powerCode: 'XK-003' }]),
        },
      ],
    });
    await expect(bypass).rejects.toMatchObject({
      cause: { type: 'POWER_ALREADY_ENTRUSTED', details: [{ params: { powerCode: 'XK-003' }, path: 'body.items.0.powerCode' }] },
    });
    // A malformed draft past the API meets the workflow's own parse (zod shared by the worker's
    // workflows, the schema built at its first use) and is refused field by field.
    const malformed = h.client.workflow.getHandle(id).executeUpdate('draftAgreement', {
      args: [
        {
          actor: { userId: 'ftz.staff', orgId: 'ftz', roles: ['staff'] },
          taskId: task.id,
          requestId: 'malformed',
          payload: { ...agreementContent([{ powerCode: 'XK-005' }]), rights: '', term: { startDate: '2026-13-01', endDate: '2027-01-01' } },
        },
      ],
    });
    await expect(malformed).rejects.toMatchObject({
      cause: {
        type: 'INVALID_INPUT',
        message: expect.stringMatching(/body\.term\.startDate.*body\.rights|body\.rights.*body\.term\.startDate/),
      },
    });

    const state = (await (await h.as('audit.auditor')).get(`/api/processes/${id}`)).body;
    expect(state).toMatchObject({ stage: 'DRAFTING', data: { versions: [] } });
    expect((await (await h.as('audit.auditor')).get(`/api/agreements/${id}`)).status).toBe(404);
  });

  test('a launch answers the task its first step opened, completed without a trip to the inbox; with no worker it stands without', async () => {
    const zone = await activeZone();
    const launched = await (await h.as('ftz.admin')).post('/api/processes/delegation-agreement', { zoneCode: zone });
    expect(launched.status).toBe(201);
    expect(launched.body).toMatchObject({ type: 'delegation-agreement', status: 'RUNNING', stage: 'DRAFTING' });
    expect(launched.body.openTasks).toEqual([
      {
        id: expect.any(String),
        action: 'draftAgreement',
        orgId: 'ftz',
        role: 'staff',
        title: { zh: expect.any(String), en: expect.any(String) },
      },
    ]);
    const [task] = launched.body.openTasks as { id: string }[];
    const drafted = await (await h.as('ftz.staff')).post(`/api/tasks/${task.id}/complete`, agreementContent([{ powerCode: 'XK-001' }]));
    expect(drafted.status).toBe(200);
    expect(drafted.body.state).toMatchObject({ stage: 'SIGNING' });
    // The run took every patch of its code on one marker (workflows/kernel/patches.ts), not one each.
    const { events } = await h.client.workflow.getHandle(launched.body.id).fetchHistory();
    const patches = events!.flatMap((e) => {
      const patch = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
      return patch ? [JSON.parse(Buffer.from(patch).toString()).id] : [];
    });
    expect(patches).toEqual(['all-patches-until-2026-12']);

    // No worker takes the run's first step: the launch stands, says where it began, and the task comes later.
    await h.stopWorker();
    let waiting: string;
    try {
      const unanswered = await (await h.as('ftz.admin')).post('/api/processes/delegation-agreement', { zoneCode: zone });
      expect(unanswered.status).toBe(201);
      expect(unanswered.body).toMatchObject({ status: 'RUNNING', stage: 'PREPARING' });
      expect(unanswered.body.openTasks).toBeUndefined();
      waiting = unanswered.body.id;
    } finally {
      await h.startWorker();
    }
    expect(await taskFor(h, 'ftz.staff', waiting, 'draftAgreement')).toMatchObject({ orgId: 'ftz' });
  });

  test('only an ACTIVE zone gets an agreement', async () => {
    const pending = await h.newCounty();
    const zoneProcess = await launch(h, pending);
    const admin = await h.as('ftz.admin');
    expect((await admin.post('/api/processes/delegation-agreement', { zoneCode: pending })).status).toBe(400);
    await complete(h, 'ftz.staff', zoneProcess, 'draftMemorandum', memorandum(pending));
    await complete(h, 'ftz.leader', zoneProcess, 'reviewMemorandum', { decision: 'sign' });
    await complete(h, `gov-${pending}.leader`, zoneProcess, 'reviewMemorandum', { decision: 'sign' });
    const notActive = await admin.post('/api/processes/delegation-agreement', { zoneCode: pending });
    expect(notActive.status).toBe(409);
    expect(notActive.body.error).toMatchObject({ reason: 'ZONE_NOT_ACTIVE', params: { zoneCode: pending, status: 'ACTIVE_PENDING_BODY' } });
    expect((await (await h.as('ftz.staff')).post('/api/processes/delegation-agreement', { zoneCode: pending })).status).toBe(403);
  });

  test('renewal asked before expiry, renewed by re-signing, then expiring at the end of the new term (days of 300 ms or more)', async () => {
    // The renewal decision is open for the notice's 5 days: long enough for a busy machine to answer it.
    const zone = await activeZone({ historyEventLimit: 60 }, { 'agreement.dayLengthMs': scaled(300), 'agreement.renewalNoticeDays': 5 });
    const firstEnd = addDays(today(), 12);
    const id = await concludeAgreement(h, zone, agreementContent([{ powerCode: 'XK-005' }], { startDate: today(), endDate: firstEnd }));

    const renewal = await taskFor(h, 'ftz.admin', id, 'decideRenewal');
    expect(renewal.context.endDate).toBe(firstEnd);
    const secondEnd = addDays(firstEnd, 20);
    await complete(h, 'ftz.admin', id, 'decideRenewal', { decision: 'renew', newEndDate: secondEnd });
    await complete(h, `gov-${zone}.leader`, id, 'reviewAgreement', { decision: 'sign' });
    const renewed = await complete(h, 'ftz.leader', id, 'reviewAgreement', { decision: 'sign' });
    expect(renewed.stage).toBe('IN_FORCE');
    expect(await agreement(h, id)).toMatchObject({ status: 'IN_FORCE', currentVersion: 2, endDate: secondEnd });
    expect(await authority(h, zone, 'XK-005', addDays(firstEnd, 1))).toMatchObject({ inForce: true, version: 2 });
    expect(await authority(h, zone, 'XK-005', firstEnd)).toMatchObject({ inForce: true, version: 1 });

    await complete(h, 'ftz.admin', id, 'decideRenewal', { decision: 'letExpire', note: '不再续签' });
    const ended = await h.client.workflow.getHandle(id).result();
    expect(ended.stage).toBe('EXPIRED');
    expect(await agreement(h, id)).toMatchObject({ status: 'EXPIRED', endDate: secondEnd });
    expectDeclaredPath(ended.path, AGREEMENT_TRANSITIONS);
    const kinds = await timelineKinds(h, id);
    expect(kinds.filter((k) => k === 'renewalReminder')).toHaveLength(2);
    expect(kinds.slice(-3)).toEqual(['renewalReminder', 'renewalDeclined', 'agreementExpired']);

    const runs = [];
    for await (const run of h.client.workflow.list({ query: `WorkflowId = '${id}'` })) runs.push(run.status.name);
    expect(runs).toContain('CONTINUED_AS_NEW');

    const terminate = await (await h.as('ftz.admin')).post(`/api/processes/${id}/actions/terminateAgreement`, { reason: '已到期' });
    expect(terminate.status).toBe(409);
  });

  test('either side terminates early with a reason; authority ends that day', async () => {
    const zone = await activeZone();
    const id = await concludeAgreement(h, zone, agreementContent([{ powerCode: 'XK-008' }]));
    expect((await (await h.as(`gov-${zone}.staff`)).post(`/api/processes/${id}/actions/terminateAgreement`, { reason: 'x' })).status).toBe(
      403,
    );
    expect((await (await h.as('gov-210881.admin')).post(`/api/processes/${id}/actions/terminateAgreement`, { reason: 'x' })).status).toBe(
      403,
    );
    const done = await (
      await h.as(`gov-${zone}.admin`)
    ).post(`/api/processes/${id}/actions/terminateAgreement`, { reason: '协同区无力承接' });
    expect(done.status).toBe(200);
    expect(done.body.state.stage).toBe('TERMINATED');
    expect(await agreement(h, id)).toMatchObject({ status: 'TERMINATED', terminatedOn: today() });
    expect(await authority(h, zone, 'XK-008', today())).toMatchObject({ inForce: false, reason: expect.stringContaining('terminated') });
    expect(await authority(h, zone, 'XK-008', addDays(today(), -1))).toMatchObject({ inForce: false });
    await eventually(async () => ((await h.client.workflow.getHandle(id).describe()).status.name === 'COMPLETED' ? true : undefined));
  });
});
