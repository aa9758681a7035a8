import { DEMAND_TRANSITIONS, PRACTICE_TRANSITIONS } from '../domain/reform';
import { eventually, startHarness, type Harness } from './support/harness';
import { complete, establish, expectDeclaredPath, taskFor, timelineKinds } from './support/zone-flow';
import { scaled } from './support/time';

/**
 * Reform both ways (issue 23): a zone's good practice proposed, evaluated by the FTZ and offered to the
 * other zones through P6; enterprises' reform demands registered, routed, answered and summarised;
 * training sessions recorded and reported. The first batch's zones, 盖州市 (210881) and 鲅鱼圈区 (210804).
 */
let h: Harness;
const GAIZHOU = '210881';
const BAYUQUAN = '210804';
beforeAll(async () => {
  h = await startHarness();
  await establish(h, GAIZHOU);
  await establish(h, BAYUQUAN);
}, scaled(90_000));
afterAll(() => h?.stop());

const PDF = Buffer.from('%PDF-1.4\n% 一窗通办经验材料\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const proposal = {
  practice: '园区设立企业开办“一窗通办”专窗，登记、刻章、申领发票、社保登记一次提交，半日办结',
  where: '盖州市协同区政务服务中心，自贸区营口片区委托事项专窗',
  startedOn: '2026-03-01',
  results: '企业开办时间由 3 个工作日压缩至 0.5 个工作日，已办理 126 户',
};

async function upload(username: string, taskId: string) {
  const login = await h.anonymous('POST', '/api/auth/login', { username, password: 'demo' });
  const response = await fetch(
    `${h.baseUrl}/api/tasks/${encodeURIComponent(taskId)}/attachments?name=${encodeURIComponent('经验材料.pdf')}&purpose=other`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${login.body.token}`, 'content-type': 'application/pdf' },
      body: new Uint8Array(PDF),
    },
  );
  return { status: response.status, body: await response.json() };
}

/** The console's language: refusals come in Chinese. */
const ZH = { 'accept-language': 'zh' };
const count = async (table: string) => Number((await h.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);

test('a practice proposed by 盖州, accepted by the FTZ, is offered to 鲅鱼圈 and adopted there; the innovations report shows it under 盖州', async () => {
  // Another county's organisation may not propose for 盖州; bad input is refused in Chinese and starts nothing.
  expect(
    (await (await h.as(`gov-${BAYUQUAN}.staff`)).post('/api/processes/reform-practice', { zoneCode: GAIZHOU, titleZh: '越权报送' })).status,
  ).toBe(403);
  const before = await count('reform_practices');
  const bad = await (await h.as(`zone-${GAIZHOU}.staff`)).post('/api/processes/reform-practice', { zoneCode: '2108', titleZh: '' }, ZH);
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toContain('「名称」');
  expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.titleZh', 'body.zoneCode']);
  expect(await count('reform_practices')).toBe(before);

  const launched = await (
    await h.as(`zone-${GAIZHOU}.staff`)
  ).post('/api/processes/reform-practice', { zoneCode: GAIZHOU, titleZh: '企业开办“一窗通办”' });
  expect(launched.status).toBe(201);
  const id = launched.body.id as string;

  // The documents go with the proposal: attached to its task by the proposing body.
  const task = await taskFor(h, `zone-${GAIZHOU}.staff`, id, 'proposePractice');
  expect((await upload(`zone-${GAIZHOU}.staff`, task.id)).status).toBe(201);
  const incomplete = await (
    await h.as(`zone-${GAIZHOU}.staff`)
  ).post(`/api/tasks/${task.id}/complete`, { ...proposal, results: '', startedOn: '2026-02-30' });
  expect(incomplete.status).toBe(400);
  expect(incomplete.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.results', 'body.startedOn']);
  await complete(h, `zone-${GAIZHOU}.staff`, id, 'proposePractice', proposal);

  const evaluation = await taskFor(h, 'ftz.staff', id, 'evaluatePractice');
  expect(evaluation.dueAt).toBeTruthy();
  expect(evaluation.context).toMatchObject({ zoneCode: GAIZHOU, results: proposal.results });
  // Only the FTZ evaluates.
  expect((await (await h.as(`gov-${BAYUQUAN}.staff`)).post(`/api/tasks/${evaluation.id}/complete`, { decision: 'accept' })).status).toBe(
    403,
  );
  const state = await complete(h, 'ftz.staff', id, 'evaluatePractice', {
    decision: 'accept',
    titleEn: 'One window to open a business',
    note: '具备复制推广条件',
  });
  expect(state.stage).toBe('ACCEPTED');
  expectDeclaredPath(state.path, PRACTICE_TRANSITIONS);
  const measureCode = state.measureCode as string;
  const page = await (await h.as('ftz.staff')).get(`/api/processes/${id}`);
  expect([page.status, page.body.stage, page.body.error]).toEqual([200, 'ACCEPTED', undefined]);
  expect(measureCode).toMatch(/^RM-\d{3}$/);

  // P6 offers it to the other zones only: 鲅鱼圈 decides, 盖州 is not asked about its own practice.
  const pilotId = `pilot-${measureCode}`;
  const offer = await taskFor(h, `gov-${BAYUQUAN}.staff`, pilotId, 'decidePilot');
  expect(offer.context).toMatchObject({ measureCode, zoneCode: BAYUQUAN });
  const adopted = await complete(h, `gov-${BAYUQUAN}.staff`, pilotId, 'decidePilot', {
    decision: 'adopt',
    date: '2026-06-01',
    note: '在鲅鱼圈区政务服务中心复制实施',
  });
  expect(adopted.stage).toBe('DECIDED');
  expect(adopted.zones.map((z: { zoneCode: string }) => z.zoneCode)).toEqual([BAYUQUAN]);

  const report = (await (await h.as('city.staff')).get(`/api/reform/innovations?zone=${GAIZHOU}`)).body;
  expect(report.zones).toEqual([
    expect.objectContaining({
      zoneCode: GAIZHOU,
      proposed: 1,
      accepted: 1,
      adoptedElsewhere: 1,
      practices: [
        expect.objectContaining({
          processId: id,
          title: '企业开办“一窗通办”',
          status: 'ACCEPTED',
          where: proposal.where,
          measureCode,
          adoptions: [expect.objectContaining({ zoneCode: BAYUQUAN, status: 'ADOPTED', decidedOn: '2026-06-01' })],
        }),
      ],
    }),
  ]);
  // The measure is in the P6 registry, its grantor the proposing zone.
  const pilots = (await (await h.as('ftz.staff')).get(`/api/pilots?measure=${measureCode}`)).body;
  expect(pilots.measures[0]).toMatchObject({ code: measureCode, title: '企业开办“一窗通办”', grantedBy: expect.stringContaining('盖州') });
  expect((await (await h.as('audit.auditor')).get(`/api/processes/${id}/attachments`)).body.items).toEqual([
    expect.objectContaining({ fileName: '经验材料.pdf', purpose: 'other' }),
  ]);
  await eventually(async () => ((await timelineKinds(h, id)).includes('practiceOffered') ? true : undefined));
  expect(await timelineKinds(h, id)).toEqual([
    'practiceLaunched',
    'fileAttached',
    'practiceProposed',
    'practiceAccepted',
    'practiceOffered',
  ]);
  // The process page once the adoption is started: its view, and its timeline in words.
  const ended = await (await h.as('ftz.staff')).get(`/api/processes/${id}`);
  expect([ended.status, ended.body.stage, ended.body.status]).toEqual([200, 'ACCEPTED', 'COMPLETED']);
  const words = await (await h.as('ftz.staff')).get(`/api/processes/${id}/timeline?lang=zh`);
  expect(words.status).toBe(200);
});

test('a declined practice carries its reasons; declining without them is refused in Chinese and changes nothing', async () => {
  const id = (
    await (
      await h.as(`gov-${BAYUQUAN}.staff`)
    ).post('/api/processes/reform-practice', { zoneCode: BAYUQUAN, titleZh: '港口集装箱“先放后检”' })
  ).body.id as string;
  await complete(h, `gov-${BAYUQUAN}.staff`, id, 'proposePractice', { ...proposal, where: '鲅鱼圈港区', results: '通关时间缩短' });
  const task = await taskFor(h, 'ftz.staff', id, 'evaluatePractice');
  const bare = await (await h.as('ftz.staff')).post(`/api/tasks/${task.id}/complete`, { decision: 'decline' });
  expect(bare.status).toBe(400);
  expect(bare.body.error.details).toEqual([expect.objectContaining({ path: 'body.reasons', message: expect.stringContaining('理由') })]);
  expect((await h.db.query<{ status: string }>('SELECT status FROM reform_practices WHERE process_id = $1', [id]))[0].status).toBe(
    'EVALUATING',
  );

  const reasons = '属海关总署授权事项，协同区不具备实施条件，不宜作为协同区经验推广';
  const state = await complete(h, 'ftz.staff', id, 'evaluatePractice', { decision: 'decline', reasons });
  expect(state.stage).toBe('DECLINED');
  expect(state.evaluation.reasons).toBe(reasons);
  const report = (await (await h.as(`zone-${GAIZHOU}.staff`)).get(`/api/reform/innovations?zone=${BAYUQUAN}`)).body;
  expect(report.zones[0]).toMatchObject({
    zoneCode: BAYUQUAN,
    declined: 1,
    practices: [expect.objectContaining({ status: 'DECLINED', reasons, measureCode: null, adoptions: [] })],
  });
  const timeline = (await (await h.as(`gov-${BAYUQUAN}.staff`)).get(`/api/processes/${id}/timeline`)).body as {
    kind: string;
    summary: string;
  }[];
  expect(timeline.find((e) => e.kind === 'practiceDeclined')?.summary).toContain(reasons);
});

const demand = {
  zoneCode: GAIZHOU,
  enterpriseName: '营口盖州海鲜食品有限公司',
  contactName: '刘海',
  phone: '13904171234',
  category: 'licensing',
  demand: '食品经营许可证延续希望纳入告知承诺制，免于现场核查',
  receivedOn: '2026-06-10',
};

test('a demand registered at a window, routed by the FTZ and answered appears in the summary by month, zone and status', async () => {
  // Bad input: nothing starts.
  const before = await count('reform_demands');
  const bad = await (
    await h.as(`zone-${BAYUQUAN}.staff`)
  ).post('/api/processes/reform-demand', { ...demand, category: 'wishes', phone: 'x' }, ZH);
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toContain('「诉求类别」');
  expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.category', 'body.phone']);
  expect(await count('reform_demands')).toBe(before);
  // A window of another zone registers it (无差别化受理); an enforcement body is no window.
  expect((await (await h.as(`le-${GAIZHOU}.staff`)).post('/api/processes/reform-demand', demand)).status).toBe(403);
  const launched = await (await h.as(`zone-${BAYUQUAN}.staff`)).post('/api/processes/reform-demand', demand);
  expect(launched.status).toBe(201);
  const id = launched.body.id as string;

  const route = await taskFor(h, 'ftz.staff', id, 'routeDemand');
  expect(route.context).not.toHaveProperty('phone');
  const nowhere = await (await h.as('ftz.staff')).post(`/api/tasks/${route.id}/complete`, { responsibleOrg: 'audit' });
  expect([nowhere.status, nowhere.body.error.reason, nowhere.body.error.params]).toEqual([400, 'ORG_CANNOT_ANSWER', { orgId: 'audit' }]);
  expect(nowhere.body.error.details).toEqual([expect.objectContaining({ path: 'body.responsibleOrg' })]);
  expect((await h.db.query<{ status: string }>('SELECT status FROM reform_demands WHERE process_id = $1', [id]))[0].status).toBe('ROUTING');
  await complete(h, 'ftz.staff', id, 'routeDemand', { responsibleOrg: `gov-${GAIZHOU}`, note: '请盖州市研究答复' });

  const answer = await taskFor(h, `gov-${GAIZHOU}.staff`, id, 'answerDemand');
  expect(answer.dueAt).toBeTruthy();
  expect(
    (await (await h.as(`gov-${BAYUQUAN}.staff`)).post(`/api/tasks/${answer.id}/complete`, { outcome: 'resolved', answer: '越权' })).status,
  ).toBe(403);
  const state = await complete(h, `gov-${GAIZHOU}.staff`, id, 'answerDemand', {
    outcome: 'adopted',
    answer: '已纳入我市下一批告知承诺事项清单',
  });
  expect(state.stage).toBe('ANSWERED');
  expectDeclaredPath(state.path, DEMAND_TRANSITIONS);

  const summary = (await (await h.as('city.staff')).get(`/api/reform/demands?period=2026-06&zone=${GAIZHOU}`)).body;
  expect(summary.totals).toMatchObject({ registered: 1, answered: 1, routing: 0, answering: 0 });
  expect(summary.byZone).toEqual([expect.objectContaining({ zoneCode: GAIZHOU, status: 'ANSWERED', count: 1 })]);
  expect(summary.byOutcome).toEqual([{ outcome: 'adopted', count: 1 }]);
  expect(summary.items[0]).toMatchObject({
    processId: id,
    enterpriseName: demand.enterpriseName,
    windowOrg: `zone-${BAYUQUAN}`,
    responsibleOrg: `gov-${GAIZHOU}`,
    outcome: 'adopted',
  });
  expect(JSON.stringify(summary)).not.toContain(demand.phone);
  // Another month, another status: not counted.
  expect((await (await h.as('city.staff')).get(`/api/reform/demands?period=2026-05&zone=${GAIZHOU}`)).body.totals.registered).toBe(0);
  expect(
    (await (await h.as('city.staff')).get(`/api/reform/demands?year=2026&status=ROUTING`)).body.items.some(
      (i: { processId: string }) => i.processId === id,
    ),
  ).toBe(false);
  expect(await timelineKinds(h, id)).toEqual(['demandRegistered', 'demandRouted', 'demandAnswered']);
  // The contact is personal data: in full for the organisations handling the demand, masked for the county's others.
  const handled = (await (await h.as('ftz.staff')).get(`/api/processes/${id}`)).body.data.input;
  expect(handled).toMatchObject({ contactName: '刘海', phone: demand.phone });
  const outside = (await (await h.as(`le-${GAIZHOU}.staff`)).get(`/api/processes/${id}`)).body.data.input;
  expect(outside).toMatchObject({ contactName: '刘*', phone: '139****1234' });
});

test('a training session recorded appears in the report of who was trained when; names are masked outside it; bad input changes nothing', async () => {
  const session = {
    heldOn: '2026-06-15',
    topic: '告知承诺制与事中事后监管业务培训',
    place: '自贸区营口片区管委会三楼会议室',
    hours: 3,
    attendees: [
      { orgId: `zone-${GAIZHOU}`, count: 12, people: [{ personName: '王小明' }] },
      { orgId: `gov-${BAYUQUAN}`, count: 4 },
    ],
  };
  const before = await count('training_sessions');
  const unknown = await (
    await h.as('ftz.staff')
  ).post('/api/training-sessions', { ...session, attendees: [{ orgId: 'zone-999999', count: 3 }] });
  expect([unknown.status, unknown.body.error.reason, unknown.body.error.params]).toEqual([
    400,
    'ATTENDEE_NOT_REGISTERED',
    { orgId: 'zone-999999' },
  ]);
  expect(unknown.body.error.details).toEqual([
    expect.objectContaining({ path: 'body.attendees.0.orgId', message: 'zone-999999 is not a registered organisation' }),
  ]);
  const unknownZh = await (
    await h.as('ftz.staff')
  ).post('/api/training-sessions', { ...session, attendees: [{ orgId: 'zone-999999', count: 3 }] }, ZH);
  expect(unknownZh.body.error.details).toEqual([
    expect.objectContaining({ path: 'body.attendees.0.orgId', message: 'zone-999999 不是在册机构' }),
  ]);
  const later = await (await h.as('ftz.staff')).post('/api/training-sessions', { ...session, heldOn: '2099-01-01' }, ZH);
  expect([later.status, later.body.error.reason, later.body.error.details[0].path]).toEqual([400, 'HELD_AFTER_TODAY', 'body.heldOn']);
  expect(later.body.error.message).toMatch(/^培训日期不能晚于今天（\d{4}-\d{2}-\d{2}），所填为 2099-01-01$/);
  const twice = await (
    await h.as('ftz.staff')
  ).post('/api/training-sessions', { ...session, attendees: [session.attendees[1], session.attendees[1]] });
  expect(twice.status).toBe(400);
  expect((await (await h.as('audit.auditor')).post('/api/training-sessions', session)).status).toBe(403);
  expect(await count('training_sessions')).toBe(before);

  const recorded = await (await h.as('ftz.staff')).post('/api/training-sessions', session);
  expect(recorded.status).toBe(201);
  expect(recorded.body.organiserOrg).toBe('ftz');
  const report = (await (await h.as(`zone-${GAIZHOU}.staff`)).get(`/api/training-sessions?from=2026-06-01&to=2026-06-30`)).body;
  expect(report.byOrganization).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        orgId: `zone-${GAIZHOU}`,
        attendees: 12,
        trainings: [expect.objectContaining({ heldOn: '2026-06-15', topic: session.topic, count: 12 })],
      }),
      expect.objectContaining({ orgId: `gov-${BAYUQUAN}`, attendees: 4 }),
    ]),
  );
  // Its own organisation sees its people's names; an organisation outside the session sees them masked.
  expect(report.sessions[0].attendees.find((a: { orgId: string }) => a.orgId === `zone-${GAIZHOU}`).people).toEqual([
    { personName: '王小明' },
  ]);
  const outside = (await (await h.as('tax-ftz.staff')).get('/api/training-sessions?org=' + `zone-${GAIZHOU}`)).body;
  expect(outside.sessions[0].attendees.find((a: { orgId: string }) => a.orgId === `zone-${GAIZHOU}`).people).toEqual([
    { personName: '王**' },
  ]);
  expect(outside.byOrganization.map((o: { orgId: string }) => o.orgId)).toEqual([`zone-${GAIZHOU}`]);
});
