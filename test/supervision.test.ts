import { SUPERVISION_TRANSITIONS } from '../domain/supervision';
import { eventually, startHarness, type Harness } from './support/harness';
import { registerEntity } from './support/penalty-flow';
import { application, applied, readyZone, verify } from './support/registration-flow';
import { complete, expectDeclaredPath, timelineKinds, type OpenTask } from './support/zone-flow';
import { scaled } from './support/time';

let h: Harness;
let zone: string;
let other: string;
let revokedUscc: string;
const plain: string[] = [];
const ZH = { 'accept-language': 'zh' };
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await startHarness();
  [zone, other] = await Promise.all([readyZone(h), readyZone(h)]);
  // The enforcement body's roster: four inspectors, so two per inspection can always avoid last time's two.
  for (const n of [2, 3, 4]) {
    await h.db.query(
      `INSERT INTO users (id, username, org_id, roles, password_hash) SELECT $1, $1, $2, ARRAY['staff'], password_hash FROM users WHERE id = $3`,
      [`le-${zone}.staff${n}`, `le-${zone}`, `le-${zone}.staff`],
    );
  }
  // A rectification period's day lasts 300 ms here (a real day in production).
  await h.setPolicy('supervision.dayLengthMs', zone, scaled(300));
  // An entity whose commitment was revoked: not compliant, then not rectified.
  const app = application(zone);
  const id = await applied(h, `zone-${zone}.staff`, app);
  await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
  const licenceId = `${app.uscc}/XK-001`;
  await verify(h, `le-${zone}.staff`, id, 'verifyCommitment', licenceId, { result: 'nonCompliant', findings: '无冷藏设施' });
  await verify(h, `le-${zone}.staff`, id, 'recheckCommitment', licenceId, { result: 'nonCompliant', findings: '逾期未整改' });
  revokedUscc = app.uscc!;
  for (let n = 0; n < 4; n++) plain.push(await registerEntity(h, zone));
}, scaled(240_000));
afterAll(() => h?.stop());

interface Drawn {
  uscc: string;
  grade: string;
  signals: string[];
  inspectors: string[];
}
interface PlanData {
  stage: string;
  path: string[];
  draw: { seed: string; algorithm: string; inspections: Drawn[]; population: Record<string, { entities: number; drawn: number }> };
  inspections: { id: string; uscc: string; status: string; inspectors: string[] }[];
}

const launch = async (as: string, input: Record<string, unknown>) => (await h.as(as)).post('/api/processes/supervision-plan', input, ZH);
async function planOf(id: string, ready: (p: PlanData) => boolean = (p) => p.stage !== 'PREPARING'): Promise<PlanData> {
  const auditor = await h.as('audit.auditor');
  return eventually(
    async () => {
      const r = await auditor.get(`/api/processes/${id}`);
      const data = r.status === 200 ? ({ ...r.body.data, stage: r.body.stage } as PlanData) : undefined;
      return data && ready(data) ? data : undefined;
    },
    30_000,
    `plan ${id}`,
  );
}
const inspectionTask = async (id: string, uscc: string, action = 'inspectEntity'): Promise<OpenTask> => {
  const staff = await h.as(`le-${zone}.staff`);
  return eventually(
    async () => {
      const inbox = await staff.get(`/api/tasks?processId=${id}`);
      return (inbox.body.items as OpenTask[]).find((t) => t.action === action && t.context.uscc === uscc);
    },
    30_000,
    `${action} of ${uscc}`,
  );
};
const completeTask = async (username: string, task: OpenTask, payload: unknown) =>
  (await h.as(username)).post(`/api/tasks/${task.id}/complete`, payload, ZH);

test('a random plan drawn twice from the same seed gives the same entities and inspectors, and the draw is on the timeline', async () => {
  const seed = 'yk-2026-11-a';
  const first = await launch('ftz.admin', { zoneCode: zone, selection: 'random', seed });
  const second = await launch(`gov-${zone}.admin`, { zoneCode: zone, selection: 'random', seed });
  expect([first.status, second.status]).toEqual([201, 201]);
  const [a, b] = [await planOf(first.body.id), await planOf(second.body.id)];
  const picks = (p: PlanData) => p.draw.inspections.map((i) => [i.uscc, i.inspectors]);
  expect(picks(a)).toEqual(picks(b));
  // Five entities: the revoked one is grade C (30 %, at least one), the four clean ones grade A (5 %, at least one).
  expect(a.draw.population).toMatchObject({ A: { entities: 4, drawn: 1 }, C: { entities: 1, drawn: 1 } });
  expect(a.draw.inspections.find((i) => i.grade === 'C')?.uscc).toBe(revokedUscc);
  for (const i of a.draw.inspections) {
    expect(i.inspectors).toHaveLength(2);
    expect(i.inspectors.every((x) => x.startsWith(`le-${zone}.staff`))).toBe(true);
  }
  const timeline = (await (await h.as('audit.auditor')).get(`/api/processes/${first.body.id}/timeline?lang=zh`)).body as {
    kind: string;
    summary: string;
  }[];
  const drawn = timeline.find((e) => e.kind === 'inspectionsDrawn')!;
  expect(drawn.summary).toContain(`随机种子 ${seed}`);
  for (const i of a.draw.inspections) for (const inspector of i.inspectors) expect(drawn.summary).toContain(inspector);
  // Each inspection is a task of the county's enforcement, naming its inspectors.
  const task = await inspectionTask(first.body.id, revokedUscc);
  expect(task.orgId).toBe(`le-${zone}`);
  expect(task.context).toMatchObject({ seed, inspectors: a.draw.inspections.find((i) => i.uscc === revokedUscc)!.inspectors });
  // A plan without a seed draws one itself and records it.
  const unseeded = await launch('ftz.admin', { zoneCode: zone, selection: 'random' });
  expect((await planOf(unseeded.body.id)).draw.seed).toMatch(/^[0-9a-f-]{36}$/);
});

test('an entity with a revoked commitment is always in the next targeted plan; clean entities are not', async () => {
  for (const seed of ['t-1', 't-2', undefined]) {
    const launched = await launch(`gov-${zone}.admin`, { zoneCode: zone, selection: 'targeted', ...(seed ? { seed } : {}) });
    expect(launched.status).toBe(201);
    const plan = await planOf(launched.body.id);
    expect(plan.draw.inspections.map((i) => i.uscc)).toEqual([revokedUscc]);
    expect(plan.draw.inspections[0].signals).toContain('revokedCommitment');
  }
});

test('rectification reopens after its period and ends compliant, or in a penalty case; results are published and await the 互联网+监管 port', async () => {
  const launched = await launch('ftz.admin', { zoneCode: zone, selection: 'random', seed: 'rectify-1' });
  const plan = await planOf(launched.body.id);
  const id = launched.body.id as string;
  const [one, two] = plan.draw.inspections;
  const staff = `le-${zone}.staff`;

  const first = await inspectionTask(id, one.uscc);
  expect(
    (await completeTask(staff, first, { outcome: 'rectify', inspectedOn: today(), findings: '经营场所未公示许可证', rectificationDays: 3 }))
      .status,
  ).toBe(200);
  const second = await inspectionTask(id, two.uscc);
  expect(
    (await completeTask(staff, second, { outcome: 'rectify', inspectedOn: today(), findings: '台账记录缺失', rectificationDays: 2 }))
      .status,
  ).toBe(200);
  const rectifying = await planOf(id, (p) => p.inspections.some((i) => i.status === 'RECTIFYING'));
  expect(rectifying.stage).toBe('INSPECTING');
  // Published at once: the order and its period, without a login.
  const published = await h.anonymous('GET', `/api/public/inspections?zone=${zone}&entity=${one.uscc}`);
  expect(published.status).toBe(200);
  expect(published.body.items[0]).toMatchObject({
    uscc: one.uscc,
    status: expect.stringMatching(/RECTIFYING|REINSPECTING/),
    outcomeLabel: expect.any(String),
    seed: 'rectify-1',
  });
  expect(JSON.stringify(published.body)).not.toMatch(/le-\d{6}/);

  // The periods end (3 and 2 policy days): each inspection reopens as a re-inspection.
  const recheckOne = await inspectionTask(id, one.uscc, 'reinspectEntity');
  expect(recheckOne.context).toMatchObject({ findings: '经营场所未公示许可证' });
  expect((await completeTask(staff, recheckOne, { outcome: 'compliant', inspectedOn: today(), findings: '已公示，整改到位' })).status).toBe(
    200,
  );
  const recheckTwo = await inspectionTask(id, two.uscc, 'reinspectEntity');
  expect(
    (
      await completeTask(staff, recheckTwo, {
        outcome: 'penaltyCase',
        inspectedOn: today(),
        findings: '仍无台账',
        caseReason: '逾期未整改，涉嫌违反食品安全法第五十三条',
      })
    ).status,
  ).toBe(200);

  const done = await planOf(id, (p) => p.stage === 'CONCLUDED');
  expectDeclaredPath(done.path, SUPERVISION_TRANSITIONS);
  expect(done.inspections.map((i) => [i.uscc, i.status])).toEqual([
    [one.uscc, 'COMPLIANT'],
    [two.uscc, 'PENALTY_CASE'],
  ]);
  const [penaltyCase] = await h.db.query<{ uscc: string; status: string; enforcement_org: string; source_process_id: string }>(
    'SELECT uscc, status, enforcement_org, source_process_id FROM penalty_cases WHERE id = $1',
    [`case-${done.inspections[1].id}`],
  );
  expect(penaltyCase).toEqual({ uscc: two.uscc, status: 'OPEN', enforcement_org: `le-${zone}`, source_process_id: id });
  const kinds = (await timelineKinds(h, id)).filter((k) => k.startsWith('inspection'));
  expect(kinds.slice(0, 3)).toEqual(['inspectionsDrawn', 'inspectionRectificationOrdered', 'inspectionRectificationOrdered']);
  // The second period may end before or after the first re-inspection is recorded (timers against a
  // clerk's pace): the first reopening always comes before its result.
  expect([...kinds.slice(3, 6)].sort()).toEqual(['inspectionRectified', 'inspectionReopened', 'inspectionReopened']);
  expect(kinds[3]).toBe('inspectionReopened');
  expect(kinds.slice(6)).toEqual(['inspectionCaseOpened', 'inspectionPlanConcluded']);
  const rows = await h.db.query<{ status: string }>('SELECT status FROM inspections WHERE process_id = $1 ORDER BY id', [id]);
  expect(rows).toEqual([{ status: 'COMPLIANT' }, { status: 'PENALTY_CASE' }]);
  const publicList = await h.anonymous('GET', `/api/public/inspections?zone=${zone}`);
  expect(
    publicList.body.items
      .filter((i: { planId: string }) => i.planId === id)
      .map((i: { status: string; outcomeLabel: string }) => [i.status, i.outcomeLabel]),
  ).toEqual(
    expect.arrayContaining([
      ['COMPLIANT', '未发现问题／整改到位'],
      ['PENALTY_CASE', '已立案查处'],
    ]),
  );

  // Drawn again from the same seed after these inspections: the same entities, never last time's inspectors for them.
  const again = await planOf((await launch('ftz.admin', { zoneCode: zone, selection: 'random', seed: 'rectify-1' })).body.id);
  expect(again.draw.inspections.map((i) => i.uscc)).toEqual([one.uscc, two.uscc]);
  for (const [n, previous] of [one, two].entries()) {
    expect(again.draw.inspections[n].inspectors.some((x) => previous.inspectors.includes(x))).toBe(false);
  }
});

test('bad input is refused with a clear 4xx in Chinese and changes nothing; only the addressed enforcement body inspects', async () => {
  const badZone = await launch('ftz.admin', { zoneCode: '999999', selection: 'lottery' });
  expect(badZone.status).toBe(400);
  expect(badZone.body.error.details).toEqual(
    expect.arrayContaining([
      { path: 'body.zoneCode', message: '应为协同区所在县（市、区）的区划代码' },
      { path: 'body.selection', message: '请选择检查方式：双随机抽查或重点检查' },
    ]),
  );
  expect((await launch('ftz.admin', { zoneCode: zone, selection: 'random', seed: 'bad seed!' })).body.error.details).toEqual([
    { path: 'body.seed', message: '随机种子应为1至64位字母、数字或连字符' },
  ]);
  // Another county's government, enforcement, staff: refused, in Chinese.
  const otherCounty = await launch(`gov-${other}.admin`, { zoneCode: zone, selection: 'random' });
  expect(otherCounty.status).toBe(403);
  expect(otherCounty.body.error.message).toContain('只能为本县（市、区）的协同区制定检查计划');
  for (const user of [`le-${zone}.staff`, 'ftz.staff', 'city.admin', 'audit.auditor'])
    expect((await launch(user, { zoneCode: zone, selection: 'random' })).status).toBe(403);
  const before = await h.db.query('SELECT count(*)::int AS n FROM inspection_plans');

  const launched = await launch('ftz.admin', { zoneCode: zone, selection: 'random', seed: 'bad-input' });
  const id = launched.body.id as string;
  const task = await inspectionTask(id, (await planOf(id)).draw.inspections[0].uscc);
  const eventsBefore = await timelineKinds(h, id);
  const noPeriod = await completeTask(`le-${zone}.staff`, task, { outcome: 'rectify', inspectedOn: today(), findings: '问题若干' });
  expect(noPeriod.status).toBe(400);
  expect([noPeriod.body.error.reason, noPeriod.body.error.message]).toEqual([
    'INVALID_INPUT',
    '提交的内容有 1 处不符合要求：「整改期限（天）」',
  ]);
  expect(noPeriod.body.error.details).toEqual([{ path: 'body.rectificationDays', message: '必填：请填写整改期限（天）' }]);
  // The same refusal in English names the field in English, with no Chinese left in it.
  const inEnglish = await (
    await h.as(`le-${zone}.staff`)
  ).post(`/api/tasks/${task.id}/complete`, { outcome: 'rectify', inspectedOn: today(), findings: '问题若干' }, { 'accept-language': 'en' });
  expect([inEnglish.status, inEnglish.body.error.reason]).toEqual([400, 'INVALID_INPUT']);
  expect(inEnglish.body.error.details).toEqual([{ path: 'body.rectificationDays', message: 'Rectification period (days): required' }]);
  expect(JSON.stringify(inEnglish.body.error)).not.toMatch(/[\u3400-\u9fff]/);
  const noFindings = await completeTask(`le-${zone}.staff`, task, { outcome: 'compliant', inspectedOn: today(), findings: '  ' });
  expect(noFindings.body.error.details).toEqual([{ path: 'body.findings', message: '必填：请填写检查情况' }]);
  const noCase = await completeTask(`le-${zone}.staff`, task, { outcome: 'penaltyCase', inspectedOn: today(), findings: '无证经营' });
  expect(noCase.body.error.details).toEqual([{ path: 'body.caseReason', message: '必填：请写明立案理由' }]);
  const future = await completeTask(`le-${zone}.staff`, task, { outcome: 'compliant', inspectedOn: '2099-01-01', findings: '正常' });
  expect([future.status, future.body.error.reason, future.body.error.details[0].path]).toEqual([
    400,
    'INSPECTED_AFTER_TODAY',
    'body.inspectedOn',
  ]);
  expect(future.body.error.message).toContain('检查日期 2099-01-01 晚于今天');
  // Someone else's task: refused whoever they are.
  for (const user of [`le-${other}.staff`, 'ftz.staff', `gov-${zone}.staff`, 'audit.auditor']) {
    expect((await completeTask(user, task, { outcome: 'compliant', inspectedOn: today(), findings: '正常' })).status).toBe(403);
  }
  expect(await timelineKinds(h, id)).toEqual(eventsBefore);
  const [row] = await h.db.query<{ status: string }>('SELECT status FROM inspections WHERE process_id = $1', [id]);
  expect(row.status).toBe('DRAWN');
  expect((await h.db.query('SELECT count(*)::int AS n FROM inspection_plans'))[0]).toEqual({ n: (before[0] as { n: number }).n + 1 });
  // The public list without a token; the signed-in list with one.
  expect((await h.anonymous('GET', '/api/inspections')).status).toBe(401);
  expect((await h.anonymous('GET', '/api/public/inspections?zone=12')).status).toBe(400);
});
