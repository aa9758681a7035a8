import { today } from './support/agreement-flow';
import { startHarness, type Harness } from './support/harness';
import { complete, launch, memorandum, taskFor } from './support/zone-flow';

/**
 * Whose tasks an inbox lists. The caller's own (`GET /api/tasks`, the console's 待办) holds what the
 * caller may complete and nothing else, for every role; the organisation's every task
 * (`?view=oversight`, 督查) is for its admins and auditors, each task saying whether they may complete it.
 */
let h: Harness;
/** The FTZ's three open tasks, one for each role: its staff's draft, its staff's or leader's signature, its admin's approval. */
let draft: string;
let signature: string;
let approval: string;
let drafting: string;
beforeAll(async () => {
  h = await startHarness();
  drafting = await h.newCounty();
  const signing = await h.newCounty();
  await launch(h, drafting);
  const signingId = await launch(h, signing);
  await complete(h, 'ftz.staff', signingId, 'draftMemorandum', memorandum(signing));
  // The county's government signs first; then the FTZ's signature waits.
  await complete(h, `gov-${signing}.leader`, signingId, 'reviewMemorandum', { decision: 'sign' });
  expect((await (await h.as('ftz.admin')).post('/api/processes/power-catalog', {})).status).toBe(201);
  const catalog = await taskFor(h, 'ftz.staff', 'power-catalog', 'draftCatalog');
  const { powers } = catalog.context.prefill as { powers: unknown[] };
  await complete(h, 'ftz.staff', 'power-catalog', 'draftCatalog', { effectiveDate: today(), powers });
  draft = (await taskFor(h, 'ftz.staff', `zone-${drafting}`, 'draftMemorandum')).id;
  signature = (await taskFor(h, 'ftz.leader', signingId, 'reviewMemorandum')).id;
  approval = (await taskFor(h, 'ftz.admin', 'power-catalog', 'approveCatalog')).id;
});
afterAll(() => h?.stop());

interface Listed {
  id: string;
  mayComplete: boolean;
}

/** What the user's request lists of the three tasks (id → mayComplete), or its refusal's status and reason. */
async function listed(username: string, query: string) {
  const response = await (await h.as(username)).get(`/api/tasks?${query}`);
  if (response.status !== 200) return { status: response.status, reason: response.body.error?.reason };
  const ours = (response.body.items as Listed[]).filter((task) => [draft, signature, approval].includes(task.id));
  return Object.fromEntries(ours.map((task) => [task.id, task.mayComplete]));
}

test("each role's own inbox lists exactly the tasks it may complete", async () => {
  expect(await listed('ftz.staff', '')).toEqual({ [draft]: true, [signature]: true });
  expect(await listed('ftz.leader', '')).toEqual({ [signature]: true });
  // The staff's tasks are not the admin's to do: the admin's 待办 holds its own approval only.
  expect(await listed('ftz.admin', '')).toEqual({ [approval]: true });
  expect(await listed('ftz.admin', 'view=mine&org=ftz')).toEqual({ [approval]: true });
  // An auditor reads the FTZ's inbox and completes nothing in it.
  expect(await listed('audit.auditor', 'org=ftz')).toEqual({});
  // Another organisation's people: their own inbox holds only what they may complete; the FTZ's is not theirs.
  const cityItems = (await (await h.as('city.staff')).get('/api/tasks')).body.items as Listed[];
  expect(cityItems.filter((task) => !task.mayComplete)).toEqual([]);
  expect(await listed('city.staff', 'org=ftz')).toEqual({ status: 403, reason: 'NOT_YOURS_TO_READ' });
  expect(await listed(`gov-${drafting}.admin`, 'org=ftz')).toEqual({ status: 403, reason: 'NOT_YOURS_TO_READ' });
});

test('the limit counts the tasks the caller may complete: the staff’s earlier-due tasks do not crowd out the admin’s', async () => {
  // The memorandum's tasks are due by a date, the approval by none: in due order a staff task comes first.
  const first = await listed('ftz.admin', 'view=oversight&limit=1');
  expect(Object.values(first)).toEqual([false]);
  expect(await listed('ftz.admin', 'limit=1')).toEqual({ [approval]: true });
});

test("the oversight view gives the organisation's admins and auditors its every task, and refuses everyone else", async () => {
  expect(await listed('ftz.admin', 'view=oversight')).toEqual({ [draft]: false, [signature]: false, [approval]: true });
  expect(await listed('audit.auditor', 'view=oversight&org=ftz')).toEqual({ [draft]: false, [signature]: false, [approval]: false });
  for (const username of ['ftz.staff', 'ftz.leader', 'city.staff']) {
    expect([username, await listed(username, 'view=oversight&org=ftz')]).toEqual([username, { status: 403, reason: 'ROLE_NEEDED' }]);
  }
  // Another county's admin oversees its own county's organisations, not the FTZ.
  expect(await listed(`gov-${drafting}.admin`, 'view=oversight&org=ftz')).toEqual({ status: 403, reason: 'NOT_YOURS_TO_READ' });
  // The oversight's own tasks are the inbox's: the list and the flag agree.
  const all = (await (await h.as('ftz.admin')).get('/api/tasks?view=oversight')).body.items as Listed[];
  const mine = (await (await h.as('ftz.admin')).get('/api/tasks')).body.items as Listed[];
  expect(mine.map((task) => task.id).sort()).toEqual(
    all
      .filter((task) => task.mayComplete)
      .map((task) => task.id)
      .sort(),
  );
});

test('the refusal says in words which roles oversee an inbox; an unknown view is a 400 naming the field', async () => {
  const refused = await (await h.as('ftz.staff')).get('/api/tasks?view=oversight&lang=zh');
  expect(refused.body.error.message).toBe('此事项需要管理员或审计人员角色；ftz.staff 的角色是经办人员');
  const english = await (await h.as('ftz.staff')).get('/api/tasks?view=oversight&lang=en');
  expect(english.body.error.message).toBe('this needs the admin or auditor role; ftz.staff has staff');
  const unknown = await (await h.as('ftz.admin')).get('/api/tasks?view=everything');
  expect([unknown.status, unknown.body.error.details[0].path]).toEqual([400, 'query.view']);
});

test('/openapi.json publishes the view and its two values', async () => {
  const doc = (await h.anonymous('GET', '/openapi.json')).body;
  const view = (doc.paths['/api/tasks'].get.parameters as { name: string; schema: { enum: string[]; default: string } }[]).find(
    (p) => p.name === 'view',
  );
  expect(view?.schema).toMatchObject({ enum: ['mine', 'oversight'], default: 'mine' });
});
