import { DEMO_PASSWORD, eventually, startHarness, type Harness } from './support/harness';
import { application, readyZone } from './support/registration-flow';
import { launch, launchInput, taskFor } from './support/zone-flow';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const ZH = { 'accept-language': 'zh-CN,zh;q=0.9' };
const EN = { 'accept-language': 'en-US,en;q=0.9' };
/** A sentence of English words: what a Chinese reader must never be left with. */
const ENGLISH = /[A-Za-z]{3,} [A-Za-z]{3,}/;

/** A request as a user, in the language its headers ask for (the harness asks English by default). */
async function call(username: string | null, method: 'GET' | 'POST', path: string, body: unknown, headers: Record<string, string>) {
  const token = username ? await tokenOf(username) : undefined;
  const response = await fetch(h.baseUrl + path, {
    method,
    headers: {
      ...headers,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      error: {
        code: string;
        reason?: string;
        params?: Record<string, unknown>;
        message: string;
        details?: { path: string; message: string }[];
      };
    },
  };
}
const tokens = new Map<string, string>();
async function tokenOf(username: string): Promise<string> {
  if (!tokens.has(username))
    tokens.set(username, (await h.anonymous('POST', '/api/auth/login', { username, password: DEMO_PASSWORD })).body.token);
  return tokens.get(username)!;
}

test('a launch that does not fit its schema is refused in Chinese by default, naming each field; in English when asked', async () => {
  const incomplete = { name: '营口测试有限公司', residence: { divisionCode: '210881' }, licenceItems: [{ variant: 'conditionsMet' }] };
  for (const headers of [{}, ZH]) {
    const zh = await call('ftz.staff', 'POST', '/api/processes/entity-registration', incomplete, headers);
    expect([zh.status, zh.body.error.code]).toEqual([400, 'BAD_REQUEST']);
    expect(zh.body.error.message).toMatch(/^提交的内容有 \d+ 处不符合要求：/);
    expect(zh.body.error.message).toContain('「经营范围」');
    const byPath = Object.fromEntries(zh.body.error.details!.map((d) => [d.path, d.message]));
    expect(byPath['body.businessScope']).toBe('「经营范围」此项必填');
    expect(byPath['body.residence.address']).toBe('「住所地址」此项必填');
    expect(byPath['body.licenceItems.0.powerCode']).toBe('「职权事项（第 1 项）」此项必填');
    expect(JSON.stringify(zh.body)).not.toMatch(/Invalid input|received undefined|expected string/);
  }
  for (const [path, headers] of [
    ['/api/processes/entity-registration', EN],
    ['/api/processes/entity-registration?lang=en', ZH],
  ] as const) {
    const en = await call('ftz.staff', 'POST', path, incomplete, headers);
    expect(en.status).toBe(400);
    expect(en.body.error.message).toMatch(/^invalid entity-registration input: /);
    expect(en.body.error.details!.find((d) => d.path === 'body.businessScope')!.message).toBe('Business scope: required');
    expect(JSON.stringify(en.body)).not.toMatch(/Invalid input|received undefined|[\u4e00-\u9fff]/);
  }
  // Refused means nothing started.
  expect((await h.as('audit.auditor').then((a) => a.get('/api/processes?type=entity-registration&q=营口测试有限公司'))).body.items).toEqual(
    [],
  );
});

test('403, 404, 409 and 401 carry a stable code and a Chinese message naming organisations by name', async () => {
  const county = await h.newCounty();
  await launch(h, county);
  const task = await taskFor(h, 'ftz.staff', `zone-${county}`, 'draftMemorandum');

  // The FTZ's task, completed by the county government's staff.
  const forbidden = await call(`gov-${county}.staff`, 'POST', `/api/tasks/${task.id}/complete`, {}, ZH);
  expect([forbidden.status, forbidden.body.error.code]).toEqual([403, 'FORBIDDEN']);
  expect(forbidden.body.error.message).toContain('自贸区营口片区管委会');
  expect(forbidden.body.error.message).not.toMatch(ENGLISH);
  const forbiddenEn = await call(`gov-${county}.staff`, 'POST', `/api/tasks/${task.id}/complete`, {}, EN);
  expect([forbiddenEn.status, forbiddenEn.body.error.code]).toEqual([403, 'FORBIDDEN']);
  expect(forbiddenEn.body.error.message).toMatch(/^only FTZ Yingkou Area Management Committee may do this/);

  // A second launch for the same county.
  const again = await call('city.admin', 'POST', '/api/processes/zone-establishment', launchInput(county), ZH);
  expect([again.status, again.body.error.code, again.body.error.message]).toEqual([
    409,
    'CONFLICT',
    `${county} 的协同区设立流程已在办理中：zone-${county}`,
  ]);

  const missing = await call('audit.auditor', 'GET', '/api/zones/210899', undefined, ZH);
  expect([missing.status, missing.body.error.code, missing.body.error.message]).toEqual([404, 'NOT_FOUND', '协同区 210899 不存在']);
  const missingEn = await call('audit.auditor', 'GET', '/api/zones/210899?lang=en', undefined, ZH);
  expect(missingEn.body.error.message).toBe('zone 210899 not found');

  const wrong = await call(null, 'POST', '/api/auth/login', { username: 'ftz.staff', password: 'not-it' }, ZH);
  expect([wrong.status, wrong.body.error.code, wrong.body.error.reason, wrong.body.error.message]).toEqual([
    401,
    'UNAUTHENTICATED',
    'LOGIN_FAILED',
    '用户名或密码不正确',
  ]);
  // A token that is no token: coded on the header it came in, in Chinese, and in English when asked.
  for (const [headers, message] of [
    [ZH, '登录凭证无效，请重新登录'],
    [EN, 'the token is not valid'],
  ] as const) {
    const response = await fetch(`${h.baseUrl}/api/me`, { headers: { ...headers, authorization: 'Bearer not-a-token' } });
    const body = (await response.json()) as { error: { reason: string; message: string; details: { path: string }[] } };
    expect([response.status, body.error.reason, body.error.message, body.error.details[0].path]).toEqual([
      401,
      'TOKEN_INVALID',
      message,
      'headers.authorization',
    ]);
  }

  // A task's payload checked against its schema: the memorandum's fields by their Chinese names.
  const empty = await call('ftz.staff', 'POST', `/api/tasks/${task.id}/complete`, { boundary: { areaKm2: -1 } }, ZH);
  expect(empty.status).toBe(400);
  const byPath = Object.fromEntries(empty.body.error.details!.map((d) => [d.path, d.message]));
  expect(byPath['body.boundary.areaKm2']).toBe('「面积（平方公里）」须大于 0');
  expect(byPath['body.scope']).toBe('「合作范围」此项必填');
  expect(Object.values(byPath).join('')).not.toMatch(ENGLISH);
});

test('a registration refused at screening is readable by the window that launched it, its reasons in Chinese', async () => {
  const zone = await readyZone(h);
  const elsewhere = await h.newCounty();
  // The zone's window accepts an application whose residence is in a county that is no zone.
  const launched = await call(`zone-${zone}.staff`, 'POST', '/api/processes/entity-registration', application(elsewhere), ZH);
  expect(launched.status).toBe(201);
  const id = (launched.body as unknown as { id: string }).id;
  // At once, and after screening refused it: the window reads its own application.
  expect((await call(`zone-${zone}.staff`, 'GET', `/api/processes/${id}`, undefined, ZH)).status).toBe(200);
  const refused = await eventually(
    async () => {
      const entries = (await (await h.as(`zone-${zone}.staff`)).get(`/api/processes/${id}/timeline?lang=zh`)).body as {
        action: string;
        summary: string;
      }[];
      return entries.find((e) => e.action === 'applicationRefused');
    },
    20_000,
    'screening to refuse the application',
  );
  // Each reason a cause: that no power is in force for a county that is no zone follows, and is not said.
  expect(refused.summary).toBe(`不予登记：住所所在的${elsewhere}不是协同区，住所须在运行中的协同区内`);
  // Another zone's window, which took no part, still may not.
  const other = await readyZone(h);
  const outsider = await call(`zone-${other}.staff`, 'GET', `/api/processes/${id}`, undefined, ZH);
  expect([outsider.status, outsider.body.error.message]).toEqual([403, `${other}协同区管理机构未参与流程 ${id}，无权查看`]);
});

test('every layer refuses by a stable code, worded in the caller’s language: a schema 400, an access 403, a 404, a workflow validator’s 409', async () => {
  const county = await h.newCounty();
  await launch(h, county);
  const task = await taskFor(h, 'ftz.staff', `zone-${county}`, 'draftMemorandum');
  const cases = [
    // The API's schema check.
    { user: 'ftz.staff', method: 'POST', path: `/api/tasks/${task.id}/complete`, body: {}, status: 400, reason: 'INVALID_INPUT' },
    // The API's access rule.
    {
      user: `gov-${county}.staff`,
      method: 'POST',
      path: `/api/tasks/${task.id}/complete`,
      body: {},
      status: 403,
      reason: 'NOT_YOUR_ORGANISATION',
    },
    { user: 'ftz.staff', method: 'POST', path: '/api/tasks/no-such-task/complete', body: {}, status: 404, reason: 'TASK_NOT_FOUND' },
    // The workflow's update validator: a zone still drafting its memorandum is not suspended.
    {
      user: 'city.admin',
      method: 'POST',
      path: `/api/processes/zone-${county}/actions/suspendZone`,
      body: { reason: '检查' },
      status: 409,
      reason: 'STAGE_NOT_ALLOWED',
    },
  ] as const;
  for (const c of cases) {
    const zh = await call(c.user, c.method, c.path, c.body, ZH);
    const en = await call(c.user, c.method, `${c.path}?lang=en`, c.body, ZH);
    expect([zh.status, zh.body.error.reason, en.status, en.body.error.reason]).toEqual([c.status, c.reason, c.status, c.reason]);
    expect(zh.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.body.error.message + JSON.stringify(zh.body.error.details ?? [])).not.toMatch(ENGLISH);
    expect(en.body.error.message).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en.body.error.params).toEqual(zh.body.error.params);
  }
  const stage = await call('city.admin', 'POST', `/api/processes/zone-${county}/actions/suspendZone`, { reason: '检查' }, ZH);
  expect(stage.body.error.params).toMatchObject({ type: 'zone-establishment', expected: ['ACTIVE'] });
  expect(stage.body.error.message).toMatch(/^协同区设立流程当前处于「[^」]+」阶段，此操作只在「[^」]+」阶段办理$/);
});

test('a refusal names an organisation registered after the API started by its name, in either language, not by its id', async () => {
  const [county, other] = [await h.newCounty(), await h.newCounty()];
  await launch(h, county);
  const id = `zone-${county}`;
  const zh = await call(`gov-${other}.staff`, 'GET', `/api/processes/${id}`, undefined, ZH);
  expect([zh.status, zh.body.error.message]).toEqual([403, `测试县${other.slice(4)}人民政府未参与流程 ${id}，无权查看`]);
  const en = await call(`gov-${other}.staff`, 'GET', `/api/processes/${id}`, undefined, { 'accept-language': 'en' });
  expect([en.status, en.body.error.message]).toEqual([403, `Test County ${other.slice(4)} Government takes no part in process ${id}`]);
});
