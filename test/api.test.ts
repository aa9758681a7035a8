import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { Client, Connection } from '@temporalio/client';
import { createApp, routes } from '../api/app';
import { startHarness, type Harness } from './support/harness';
import { freePort } from './support/ports';
import { launchInput } from './support/zone-flow';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

describe('the API', () => {
  test('the OpenAPI document describes exactly the routes the app serves', async () => {
    const doc = (await h.anonymous('GET', '/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    // Every documented route is mounted: none answers with "no route".
    const token = (await h.anonymous('POST', '/api/auth/login', { username: 'audit.auditor', password: 'demo' })).body.token;
    expect((await h.anonymous('GET', '/api/nothing-here', undefined, token)).status).toBe(404);
    // Last: the logout among them ends the token's session.
    for (const route of [...routes].sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'))) {
      const path = route.path.replace(/\{(\w+)\}/g, (_, name) => (name === 'type' ? 'zone-establishment' : name === 'year' ? '2026' : 'x'));
      const response = await h.anonymous(route.method.toUpperCase(), path, route.method === 'post' ? {} : undefined, token);
      expect(response.body?.error?.message ?? '').not.toMatch(/^no route/);
      expect(response.status).toBeLessThan(500);
    }
    // The logout among them ended this token's session.
    expect((await h.anonymous('GET', '/api/me', undefined, token)).status).toBe(401);
    const docs = await fetch(`${h.baseUrl}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/openapi.json');
  });

  test('task input schemas are the JSON Schema of the zod schema the API validates with', async () => {
    const doc = (await h.anonymous('GET', '/openapi.json')).body;
    expect(doc.paths['/api/processes/{type}'].post.parameters[0].schema.enum).toContain('zone-establishment');
    const county = await h.newCounty();
    await (await h.as('city.admin')).post('/api/processes/zone-establishment', launchInput(county));
    const ftz = await h.as('ftz.staff');
    let task;
    for (let i = 0; i < 100 && !task; i++) {
      task = (await ftz.get(`/api/tasks?processId=zone-${county}`)).body.items[0];
      if (!task) await new Promise((r) => setTimeout(r, 100));
    }
    expect(task.inputSchema).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['boundary', 'scope', 'duties', 'effectiveDate']),
      additionalProperties: false,
    });
    expect(task.title).toBe('起草协同发展备忘录');
    expect((await ftz.get(`/api/tasks?processId=zone-${county}&lang=en`)).body.items[0].title).toBe('Draft the memorandum');
  });

  test('every JSON body the API reads is published: a launch and an action carry one titled schema per type or action', async () => {
    const doc = (await h.anonymous('GET', '/openapi.json')).body;
    const bodyOf = (path: string) => doc.paths[path].post.requestBody?.content['application/json']?.schema;
    // A route that reads a JSON body publishes its fields (or its variants), never an empty schema.
    for (const route of routes.filter((r) => r.method === 'post' && r.body && !r.upload)) {
      const schema = bodyOf(route.path);
      expect([route.path, Boolean(schema.properties || schema.anyOf || schema.oneOf || schema.type === 'null')]).toEqual([
        route.path,
        true,
      ]);
    }
    const titles = (path: string) => (bodyOf(path).anyOf as { title: string }[]).map((variant) => variant.title);
    expect(titles('/api/processes/{type}')).toEqual(expect.arrayContaining(['zone-establishment', 'entity-registration']));
    const memorandum = bodyOf('/api/tasks/{id}/complete').anyOf.find((variant: { title: string }) => variant.title === 'draftMemorandum');
    expect(memorandum.required).toEqual(expect.arrayContaining(['boundary', 'scope', 'duties', 'effectiveDate']));
    expect(titles('/api/processes/{id}/actions/{action}')).toEqual(titles('/api/tasks/{id}/complete'));
    expect(bodyOf('/api/audit/verify').required).toEqual(expect.arrayContaining(['process', 'runs', 'signature']));
  });

  test('login: a wrong password is a 401; a missing, tampered or expired token is a 401', async () => {
    expect((await h.anonymous('POST', '/api/auth/login', { username: 'city.admin', password: 'wrong' })).status).toBe(401);
    expect((await h.anonymous('POST', '/api/auth/login', { username: 'nobody', password: 'demo' })).status).toBe(401);
    expect((await h.anonymous('POST', '/api/auth/login', { username: 'city.admin' })).status).toBe(400);
    const login = await h.anonymous('POST', '/api/auth/login', { username: 'city.admin', password: 'demo' });
    expect(login.body.user).toEqual({ id: 'city.admin', username: 'city.admin', orgId: 'city', roles: ['admin'] });
    const token = login.body.token as string;
    expect((await h.anonymous('GET', '/api/me', undefined, token)).body.orgId).toBe('city');
    expect((await h.anonymous('GET', '/api/me')).status).toBe(401);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), orgId: 'ftz' })).toString(
      'base64url',
    );
    expect((await h.anonymous('GET', '/api/me', undefined, `${header}.${forged}.${signature}`)).status).toBe(401);
    // Signed with the API's own secret and the claims it issues: only the expiry differs between the two.
    const signedFor = (exp: number) =>
      jwt.sign({ username: 'city.admin', orgId: 'city', roles: ['admin'], exp }, h.tokenSecret, {
        subject: 'city.admin',
        jwtid: randomUUID(),
        algorithm: 'HS256',
      });
    const now = Math.floor(Date.now() / 1000);
    expect((await h.anonymous('GET', '/api/me', undefined, signedFor(now + 60))).status).toBe(200);
    const expired = await h.anonymous('GET', '/api/me', undefined, signedFor(now - 10));
    expect([expired.status, expired.body.error.message]).toEqual([401, expect.stringContaining('expired')]);
    // A token already accepted (its signature checked once and remembered) is refused once it expires.
    const shortLived = signedFor(now + 2);
    expect((await h.anonymous('GET', '/api/me', undefined, shortLived)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, (now + 2) * 1000 - Date.now() + 100));
    const lapsed = await h.anonymous('GET', '/api/me', undefined, shortLived);
    expect([lapsed.status, lapsed.body.error.message]).toEqual([401, expect.stringContaining('expired')]);
    const otherSecret = jwt.sign({ orgId: 'city', roles: ['admin'] }, 'another-secret', {
      subject: 'city.admin',
      jwtid: randomUUID(),
      expiresIn: '1h',
    });
    expect((await h.anonymous('GET', '/api/me', undefined, otherSecret)).status).toBe(401);
  });

  test('only admins and auditors may read another organisation’s inbox', async () => {
    expect((await (await h.as('ftz.staff')).get('/api/tasks?org=city')).status).toBe(403);
    expect((await (await h.as('audit.auditor')).get('/api/tasks?org=city')).status).toBe(200);
    expect((await (await h.as('ftz.staff')).get('/api/tasks?status=maybe')).status).toBe(400);
  });

  test('health reports the engine and the records store; registries answer', async () => {
    expect((await h.anonymous('GET', '/healthz')).body).toEqual({ status: 'ok', engine: 'ok', database: 'ok' });
    const auditor = await h.as('audit.auditor');
    const calendar = (await auditor.get('/api/calendar/2026')).body;
    expect(calendar).toMatchObject({ year: 2026, provisional: false });
    expect(calendar.workdays).toContain('2026-02-14');
    expect((await auditor.get('/api/calendar/2031')).status).toBe(404);
    expect((await auditor.get('/api/zones/abc')).status).toBe(400);
    expect((await auditor.get('/api/zones/210899')).status).toBe(404);
    expect((await auditor.get('/api/processes/zone-000000')).status).toBe(404);
  });
});

test('an unreachable engine is a 503 with Retry-After, never a 500', async () => {
  const client = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: 500 }) });
  const app = createApp({ db: h.db, client, taskQueue: h.taskQueue, token: { secret: 'x'.repeat(32), ttl: '1h' } });
  const server = await new Promise<Server>((listening) => {
    const s = app.listen(0, '127.0.0.1', () => listening(s));
  });
  try {
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    // Signed by this API's secret for a live user.
    const token = jwt.sign({ username: 'audit.auditor', orgId: 'audit', roles: ['auditor'] }, 'x'.repeat(32), {
      subject: 'audit.auditor',
      jwtid: 'api-test',
      expiresIn: '1h',
    });
    const [health, process] = await Promise.all([
      fetch(`${base}/healthz`),
      fetch(`${base}/api/processes/zone-210881`, { headers: { authorization: `Bearer ${token}` } }),
    ]);
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('5');
    expect(await health.json()).toEqual({ status: 'unavailable', engine: 'unavailable', database: 'ok' });
    expect(process.status).toBe(503);
    expect(process.headers.get('retry-after')).toBe('5');
  } finally {
    await new Promise((closed) => server.close(closed));
  }
});
