import type { Server } from 'node:http';
import pino from 'pino';
import { createApp } from '../api/app';
import { JSONToPayload, payloadToJSON } from '@temporalio/common/lib/proto-utils';
import { AesGcmPayloadCodec, newPayloadKey, payloadKey } from '../platform/payload-codec';
import { startHarness, type Harness } from './support/harness';

/**
 * Guessing passwords is slowed per username and per address; every refusal is a log line saying who
 * tried what; the codec endpoints answer the Temporal UI and CLI only with a credential.
 */
let h: Harness;
let server: Server;
let base: string;
const lines: Record<string, unknown>[] = [];
const TOKEN_SECRET = 'x'.repeat(32);

beforeAll(async () => {
  h = await startHarness();
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  // An API of its own on the harness's stores: a small address limit, and a log the test reads.
  const app = createApp({
    db: h.db,
    client: h.client,
    taskQueue: h.taskQueue,
    token: { secret: TOKEN_SECRET, ttl: '1h' },
    log,
    loginLimits: { perUser: 3, perAddress: 8, windowMs: 60_000 },
  });
  server = await new Promise<Server>((listening) => {
    const s = app.listen(0, '127.0.0.1', () => listening(s));
  });
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((closed) => server?.close(closed));
  await h?.stop();
});

const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(base + path, {
    method,
    headers: { 'accept-language': 'en', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
};
const login = (username: string, password: string) => call('POST', '/api/auth/login', { username, password });
const refusals = () => lines.filter((line) => line.msg === 'refused');

test('failed logins: a username waits after its limit, with a 429 and Retry-After, even with the right password', async () => {
  for (let i = 0; i < 3; i++) expect((await login('tax-city.staff', `guess-${i}`)).status).toBe(401);
  const locked = await login('tax-city.staff', 'demo');
  expect(locked.status).toBe(429);
  expect(locked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
  const retryAfter = Number(locked.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  // Another username from the same address is not kept waiting by this one.
  expect((await login('tax-ftz.staff', 'demo')).status).toBe(200);
});

test('every refusal is logged with who tried what, and why', async () => {
  const failedLogin = refusals().find((line) => line.status === 401 && line.username === 'tax-city.staff');
  expect(failedLogin).toMatchObject({
    level: 40,
    route: '/api/auth/login',
    reason: 'wrong username or password',
    address: expect.any(String),
  });
  expect(JSON.stringify(refusals())).not.toContain('guess-');

  const token = (await login('ftz.staff', 'demo')).body.token as string;
  const auth = { authorization: `Bearer ${token}` };
  expect((await call('GET', '/api/tasks?org=city', undefined, auth)).status).toBe(403);
  expect(refusals().at(-1)).toMatchObject({
    status: 403,
    userId: 'ftz.staff',
    orgId: 'ftz',
    roles: ['staff'],
    method: 'GET',
    route: '/api/tasks',
    reason: 'the inbox of city belongs to Yingkou Municipal Government; ftz.staff may not read it',
    refusal: 'NOT_YOURS_TO_READ',
  });
  expect((await call('POST', '/api/processes/zone-establishment', { countyCode: '210881' }, auth)).status).toBe(403);
  expect(refusals().at(-1)).toMatchObject({ userId: 'ftz.staff', route: '/api/processes/{type}', params: { type: 'zone-establishment' } });
  expect((await call('GET', '/api/me', undefined, { authorization: 'Bearer not-a-token' })).status).toBe(401);
  expect(refusals().at(-1)).toMatchObject({ status: 401, route: '/api/me', reason: 'the token is not valid' });
});

test('the codec endpoints: a token first, decode for auditors and supervising admins only, encode seals nothing', async () => {
  const plain = {
    metadata: { encoding: Buffer.from('json/plain').toString('base64') },
    data: Buffer.from('{"head":"李明"}').toString('base64'),
  };
  const [sealed] = await new AesGcmPayloadCodec(payloadKey(process.env.TEST_PAYLOAD_KEY!)).encode([JSONToPayload(plain)]);
  const sealedJson = payloadToJSON(sealed);
  const tokenOf = async (username: string) => ({ authorization: `Bearer ${(await login(username, 'demo')).body.token}` });

  // Encode hands the payload back as it came: whoever holds a token cannot have an update sealed.
  const encoded = await call('POST', '/codec/encode', { payloads: [plain] }, await tokenOf('audit.auditor'));
  expect(encoded.status).toBe(200);
  expect(encoded.body.payloads).toEqual([plain]);

  for (const reader of ['audit.auditor', 'ftz.admin', 'city.admin']) {
    const opened = await call('POST', '/codec/decode', { payloads: [sealedJson] }, await tokenOf(reader));
    expect(opened.status).toBe(200);
    expect(Buffer.from(opened.body.payloads[0].data, 'base64').toString()).toBe('{"head":"李明"}');
  }
  for (const refused of ['ftz.staff', 'gov-210804.admin']) {
    expect((await call('POST', '/codec/decode', { payloads: [sealedJson] }, await tokenOf(refused))).status).toBe(403);
  }
  expect((await call('POST', '/codec/decode', { payloads: [sealedJson] })).status).toBe(401);
  // No key in a path opens anything any more.
  expect((await call('POST', '/codec/ui/any-key/decode', { payloads: [sealedJson] })).status).toBe(404);
  const auditor = await tokenOf('audit.auditor');
  expect((await call('POST', '/codec/decode', { nothing: true }, auditor)).status).toBe(400);
  const otherKey = payloadToJSON((await new AesGcmPayloadCodec(payloadKey(newPayloadKey())).encode([JSONToPayload(plain)]))[0]);
  // Sealed with another key: refused naming the payload that does not open, the ones before it opened fine.
  const notOpened = await call('POST', '/codec/decode', { payloads: [sealedJson, otherKey] }, auditor);
  expect([notOpened.status, notOpened.body.error.reason, notOpened.body.error.params]).toEqual([400, 'PAYLOAD_NOT_OPENED', { index: 1 }]);
  expect(notOpened.body.error.details).toEqual([expect.objectContaining({ path: 'body.payloads.1' })]);
});

test('failed logins: an address waits after its limit, whichever usernames it tries', async () => {
  // Last, since it locks this address out: three failures from the first test count already, five more reach eight.
  for (const username of ['le-210881.staff', 'le-210882.staff', 'le-210802.staff', 'nobody-1', 'nobody-2']) {
    expect((await login(username, 'wrong')).status).toBe(401);
  }
  const locked = await login('le-210803.staff', 'demo');
  expect(locked.status).toBe(429);
  expect(locked.body.error.message).toMatch(/^too many failed logins for address /);
});
