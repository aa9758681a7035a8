import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AesGcmPayloadCodec, newPayloadKey, payloadKey } from '../platform/payload-codec';
import { resolveTemporalCli } from '../platform/engine/temporal-cli';
import { UNSEALED_REFUSAL } from '../domain/unsealed';
import { eventually, startHarness, type Harness } from './support/harness';
import { penaltyZone, reportedPenalty } from './support/penalty-flow';
import { application, applied, readyZone } from './support/registration-flow';
import { area, body as zoneBody, establish, launch, launchInput, memorandum, taskFor, townships } from './support/zone-flow';

/**
 * The trust boundaries as a security tester meets them: nothing of a request is read before its
 * token, the engine is no way in, personal data reaches only those it is for, and the concurrency
 * cases (logins, idempotency keys) hold.
 */
let h: Harness;
let zone: string;
let zoneId: string;
beforeAll(async () => {
  h = await startHarness();
  zone = await h.newCounty();
  zoneId = await establish(h, zone);
});
afterAll(() => h?.stop());

const raw = (method: string, path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(h.baseUrl + path, { method, headers: { 'content-type': 'application/json', ...headers }, body });

describe('nothing is read before the token', () => {
  test('a body far past every limit, without a token, is a 401: it was never read (read, it would be a 413)', async () => {
    const huge = `{"countyCode":"${'9'.repeat(20 * 1024 * 1024)}"}`;
    const [refused, health] = await Promise.all([raw('POST', '/api/processes/zone-establishment', huge), fetch(`${h.baseUrl}/healthz`)]);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    expect(health.status).toBe(200);
    // With a token the same body is read up to the route's limit, and refused for its size.
    const token = await tokenOf('city.admin');
    expect((await raw('POST', '/api/processes/zone-establishment', huge, { authorization: `Bearer ${token}` })).status).toBe(413);
    // The login, read before anyone is known, takes a few kilobytes at most.
    const login = await raw('POST', '/api/auth/login?lang=zh', JSON.stringify({ username: 'x', password: 'y'.repeat(8000) }));
    const tooLarge = (await login.json()) as { error: { code: string; reason: string; params: { limitBytes: number }; message: string } };
    expect([login.status, tooLarge.error.code, tooLarge.error.reason]).toEqual([413, 'PAYLOAD_TOO_LARGE', 'BODY_TOO_LARGE']);
    expect(tooLarge.error.params.limitBytes).toBeGreaterThan(0);
    expect(tooLarge.error.message).toMatch(/^提交的内容过大，上限为 \d+ KB$/);
  });

  test('a 100,000-deep body is a 400 naming its depth, not a 500; a bad body without a token is a 401 first', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect((await raw('POST', `/api/processes/${zoneId}/actions/proposeAmendment`, deep)).status).toBe(401);
    expect((await raw('POST', `/api/processes/${zoneId}/actions/proposeAmendment`, '{not json')).status).toBe(401);
    const refused = await raw('POST', `/api/processes/${zoneId}/actions/proposeAmendment`, deep, {
      authorization: `Bearer ${await tokenOf('ftz.admin')}`,
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({
      reason: 'NESTED_TOO_DEEP',
      params: { maxDepth: 32 },
      message: '内容嵌套超过 32 层',
    });
    // A name that displays reversed (U+202E) or carries control characters is refused, naming the field.
    const bidi = await (await h.as('ftz.admin')).post(`/api/processes/${zoneId}/actions/proposeAmendment`, { reason: '调整\u202E区域' });
    expect([bidi.status, bidi.body.error.details]).toEqual([
      400,
      [{ path: 'body.reason', message: 'control characters and bidirectional overrides are not accepted in text' }],
    ]);
  });

  test('methods other than GET and POST are a 405; the console carries its security headers', async () => {
    expect((await fetch(`${h.baseUrl}/api/zones`, { method: 'TRACE' }).catch(() => ({ status: 405 }))).status).toBe(405);
    expect((await fetch(`${h.baseUrl}/api/zones`, { method: 'OPTIONS' })).status).toBe(405);
    const page = await fetch(`${h.baseUrl}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('the engine is not a way in', () => {
  const forged = {
    actor: { userId: 'nobody', orgId: 'ftz', roles: ['admin'] },
    requestId: randomUUID(),
    payload: { reason: '伪造的修订' },
  };

  /** What an accepted update leaves: an accepted-update event in the history, and the records its step wrote. */
  async function eventsAndRecords(id: string) {
    const history = await h.client.workflow.getHandle(id).fetchHistory();
    const updates = (history.events ?? []).filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes).length;
    const [{ count }] = await h.db.query<{ count: number }>('SELECT count(*)::int AS count FROM process_events WHERE process_id = $1', [
      id,
    ]);
    return { updates, count };
  }

  test('an update from a client without the key, or with another key, is refused before any workflow code and leaves no event', async () => {
    const before = await eventsAndRecords(zoneId);
    for (const dataConverter of [undefined, { payloadCodecs: [new AesGcmPayloadCodec(payloadKey(newPayloadKey()))] }]) {
      const outsider = new Client({ connection: h.client.connection, namespace: h.namespace, dataConverter });
      const refused = await outsider.workflow
        .getHandle(zoneId)
        .executeUpdate('proposeAmendment', { args: [{ ...forged, requestId: randomUUID() }] })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(((refused as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe(UNSEALED_REFUSAL);
    }
    expect(await eventsAndRecords(zoneId)).toEqual(before);
    // The API, which seals, still acts.
    expect((await (await h.as('ftz.admin')).post(`/api/processes/${zoneId}/actions/proposeAmendment`, { reason: '面积调整' })).status).toBe(
      200,
    );
  });

  test('the Temporal CLI, as an operator would use it, can neither act in a process nor start one', async () => {
    const cli = (await resolveTemporalCli()).path!;
    const target = ['--address', process.env.TEST_TEMPORAL_ADDRESS!, '--namespace', h.namespace];
    const county = await h.newCounty();
    const id = await launch(h, county);
    await taskFor(h, 'ftz.staff', id, 'draftMemorandum');
    const before = await eventsAndRecords(id);
    const update = await promisify(execFile)(cli, [
      'workflow',
      'update',
      'execute',
      ...target,
      '-w',
      id,
      '--name',
      'draftMemorandum',
      '--input',
      JSON.stringify(forged),
    ]).then(
      () => 'accepted',
      (error: { stderr?: string }) => error.stderr ?? 'refused',
    );
    expect(update).toMatch(/not sent through the API/);
    expect(await eventsAndRecords(id)).toEqual(before);

    const startedId = `zone-forged-${randomUUID()}`;
    await promisify(execFile)(cli, [
      'workflow',
      'start',
      ...target,
      '--task-queue',
      h.taskQueue,
      '--type',
      'zoneEstablishment',
      '-w',
      startedId,
      '--input',
      JSON.stringify({ start: { countyCode: county }, launchedBy: forged.actor }),
    ]);
    const ended = await eventually(
      async () => {
        const { status } = await h.client.workflow.getHandle(startedId).describe();
        return status.name === 'RUNNING' ? undefined : status.name;
      },
      20_000,
      'the forged start to end',
    );
    expect(ended).toBe('FAILED');
    expect(await h.db.query('SELECT 1 FROM process_events WHERE process_id = $1', [startedId])).toEqual([]);
    expect(await h.db.query('SELECT 1 FROM tasks WHERE process_id = $1', [startedId])).toEqual([]);
  });
});

describe('personal data by purpose', () => {
  test("the legal representative's ID number and phone reach only auditors and the window that entered them", async () => {
    const county = await readyZone(h);
    const app = application(county);
    const id = await applied(h, 'ftz.staff', app);
    const { idNumber, phone } = app.legalRepresentative;
    const readers = [
      'audit.auditor',
      'ftz.staff',
      'ftz.admin',
      'city.admin',
      'city.staff',
      `gov-${county}.admin`,
      `gov-${county}.staff`,
      `le-${county}.staff`,
      `tax-${county}.staff`,
      'tax-ftz.staff',
    ];
    const seen: Record<string, boolean> = {};
    for (const reader of readers) {
      const client = await h.as(reader);
      const answers = await Promise.all(
        [
          `/api/processes/${id}`,
          `/api/processes/${id}/timeline`,
          `/api/processes/${id}/timeline?lang=en`,
          `/api/processes/${id}/export`,
          `/api/entities/${app.uscc}`,
          `/api/tasks?processId=${id}`,
        ].map((path) => client.get(path)),
      );
      // Every reader got something: the test reads what each role actually receives.
      expect([reader, answers.some((a) => a.status === 200)]).toEqual([reader, true]);
      const text = JSON.stringify(answers.map((a) => a.body));
      seen[reader] = text.includes(idNumber) || text.includes(phone);
    }
    expect(
      Object.entries(seen)
        .filter(([, full]) => full)
        .map(([reader]) => reader)
        .sort(),
    ).toEqual(['audit.auditor', 'ftz.admin', 'ftz.staff']);
  });

  test("a zone body's head and contact: in full for the zone's parties and auditors, masked for everyone else", async () => {
    const inFull = (text: string) => text.includes(zoneBody.contact) || text.includes(zoneBody.head);
    for (const [reader, full] of [
      ['audit.auditor', true],
      [`gov-${zone}.staff`, true],
      ['ftz.staff', true],
      ['tax-ftz.staff', false],
      ['city.staff', false],
      ['gov-210804.admin', false],
    ] as const) {
      const client = await h.as(reader);
      const text = JSON.stringify([(await client.get('/api/zones')).body, (await client.get(`/api/zones/${zone}`)).body]);
      expect([reader, inFull(text)]).toEqual([reader, full]);
      expect(text).toContain(zoneBody.contact.slice(-4));
    }
  });
});

describe('scopes, separation and keys', () => {
  test("a county's admin reads its own county's inboxes, not another county's", async () => {
    const admin = await h.as(`gov-${zone}.admin`);
    expect((await admin.get(`/api/tasks?org=le-${zone}`)).status).toBe(200);
    expect((await admin.get('/api/tasks?org=gov-210804')).status).toBe(403);
    expect((await admin.get('/api/verifications?org=le-210804')).status).toBe(403);
    expect((await (await h.as('gov-210804.admin')).get(`/api/tasks?org=gov-${zone}`)).status).toBe(403);
    expect((await (await h.as('ftz.admin')).get(`/api/tasks?org=gov-${zone}`)).status).toBe(200);
  });

  test('an Idempotency-Key is bound to its first request: the same request acts once, another is a 422 naming the conflict', async () => {
    const [first, second] = [await h.newCounty(), await h.newCounty()];
    const city = await h.as('city.admin');
    const key = { 'idempotency-key': randomUUID() };
    const launched = await city.post('/api/processes/zone-establishment', launchInput(first), key);
    expect(launched.status).toBe(201);
    // The same launch again names the process it started (a business-keyed one: as a 409).
    expect((await city.post('/api/processes/zone-establishment', launchInput(first), key)).body.error.details.processId).toBe(
      launched.body.id,
    );
    const reused = await city.post('/api/processes/zone-establishment', launchInput(second), key);
    expect(reused.status).toBe(422);
    expect(reused.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', details: { idempotencyKey: key['idempotency-key'] } });
    expect(await h.db.query('SELECT 1 FROM process_events WHERE process_id = $1', [`zone-${second}`])).toEqual([]);
  });

  test("a completion's Idempotency-Key: refused, it stays free; once the action is recorded, the same request answers again and another is a 422 that changes nothing", async () => {
    const county = await h.newCounty();
    const id = await launch(h, county);
    const draft = await taskFor(h, 'ftz.staff', id, 'draftMemorandum');
    const ftz = await h.as('ftz.staff');
    const key = { 'idempotency-key': randomUUID() };
    const bound = () =>
      h.db.query('SELECT request FROM idempotency_keys WHERE user_id = $1 AND key = $2', ['ftz.staff', key['idempotency-key']]);
    // Another county's township: refused against the records, after the key was read and before any update.
    const outside = memorandum(county, { boundary: area(county, { townshipCodes: townships('210802').inside }) });
    expect((await ftz.post(`/api/tasks/${draft.id}/complete`, outside, key)).status).toBe(400);
    expect(await bound()).toEqual([]);
    const first = await ftz.post(`/api/tasks/${draft.id}/complete`, memorandum(county), key);
    expect(first.status).toBe(200);
    expect(await bound()).toHaveLength(1);
    const events = (await ftz.get(`/api/processes/${id}`)).body.history.events;
    const again = await ftz.post(`/api/tasks/${draft.id}/complete`, memorandum(county), key);
    expect([again.status, again.body.state.memoranda.length]).toEqual([200, 1]);
    const other = await ftz.post(
      `/api/tasks/${draft.id}/complete`,
      memorandum(county, { boundary: area(county, { description: '另一份' }) }),
      key,
    );
    expect([other.status, other.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect((await ftz.get(`/api/processes/${id}`)).body.history.events).toBe(events);
  });

  test('30 concurrent wrong passwords for one user: exactly the allowance is checked, the rest wait (429)', async () => {
    const username = `gov-${zone}.staff`;
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () => h.anonymous('POST', '/api/auth/login', { username, password: 'wrong' }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    await h.db.query('DELETE FROM login_failures WHERE key = $1', [`user:${username}`]);
  });

  test('a token lives only while its user does and until its logout; other sessions of the user go on', async () => {
    const login = async (username: string) =>
      (await h.anonymous('POST', '/api/auth/login', { username, password: 'demo' })).body.token as string;
    const [token, otherTab] = [await login('le-210802.staff'), await login('le-210802.staff')];
    expect((await h.anonymous('GET', '/api/me', undefined, token)).status).toBe(200);
    expect((await h.anonymous('POST', '/api/auth/logout', {}, token)).status).toBe(200);
    const after = await h.anonymous('GET', '/api/me', undefined, token);
    expect([after.status, after.body.error.message]).toEqual([401, 'the token was revoked (logged out): log in again']);
    expect((await h.anonymous('GET', '/api/me', undefined, otherTab)).status).toBe(200);
    await h.db.query("UPDATE users SET disabled = true WHERE id = 'le-210802.staff'");
    try {
      expect((await h.anonymous('GET', '/api/me', undefined, otherTab)).status).toBe(401);
      expect((await h.anonymous('POST', '/api/auth/login', { username: 'le-210802.staff', password: 'demo' })).status).toBe(401);
    } finally {
      await h.db.query("UPDATE users SET disabled = false WHERE id = 'le-210802.staff'");
    }
    expect((await h.anonymous('GET', '/api/me', undefined, otherTab)).status).toBe(200);
  });

  test("the console's session is an HttpOnly, SameSite=Strict cookie: it authenticates, and logout clears and revokes it", async () => {
    const login = await fetch(`${h.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'le-210803.staff', password: 'demo' }),
    });
    const setCookie = login.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^cz_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=3600$/);
    const cookie = setCookie.split(';')[0];
    expect((await fetch(`${h.baseUrl}/api/me`, { headers: { cookie } })).status).toBe(200);
    const logout = await fetch(`${h.baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(logout.headers.get('set-cookie')).toContain('cz_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
    expect((await fetch(`${h.baseUrl}/api/me`, { headers: { cookie } })).status).toBe(401);
  });
});

test('a penalty process, named by a Chinese decision number, is seen by its county until published, and exports and verifies', async () => {
  const { zone: penaltyCounty, uscc } = await penaltyZone(h);
  const { id, decisionNumber } = await reportedPenalty(h, penaltyCounty, uscc);
  const auditor = await h.as('audit.auditor');
  // Reported, not yet recognised: not published, so another county does not see it; its own county does.
  const otherCounty = await h.as('gov-210804.staff');
  expect((await otherCounty.get(`/api/penalties?zone=${penaltyCounty}`)).body).toEqual([]);
  expect((await otherCounty.get(`/api/penalties/${encodeURIComponent(decisionNumber)}`)).status).toBe(404);
  expect((await (await h.as(`gov-${penaltyCounty}.staff`)).get(`/api/penalties/${encodeURIComponent(decisionNumber)}`)).status).toBe(200);
  const response = await fetch(`${h.baseUrl}/api/processes/${encodeURIComponent(id)}/export`, {
    headers: { authorization: `Bearer ${await tokenOf('audit.auditor')}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(id)}`);
  const verified = await auditor.post('/api/audit/verify', await response.text());
  expect(verified.body).toMatchObject({ chain: 'ok', signature: 'ok', replay: 'ok' });
});

async function tokenOf(username: string): Promise<string> {
  return (await h.anonymous('POST', '/api/auth/login', { username, password: 'demo' })).body.token as string;
}
