import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderEvents } from '../documents/renderer';
import { startHarness, type Harness } from './support/harness';
import { readPdf } from './support/pdf-text';
import { establish } from './support/zone-flow';

/**
 * Signed documents: each printed PDF carries the signatures of its organisations' keys, checked offline
 * by the verify route and `npm run audit:verify`, which say who signed it and fail a file with one byte
 * changed. And rendering, seconds of font work the first time, runs off the API's event loop.
 */
const execFileAsync = promisify(execFile);
let h: Harness;
let county: string;
let processId: string;
let pdf: Buffer;
beforeAll(async () => {
  h = await startHarness();
  county = await h.newCounty();
  processId = await establish(h, county);
});
afterAll(() => h?.stop());

async function fetchPdf(username: string): Promise<Response> {
  const login = await h.anonymous('POST', '/api/auth/login', { username, password: 'demo' });
  // 2: the memorandum (1 is the city's approval the zone was launched under).
  return fetch(`${h.baseUrl}/api/processes/${encodeURIComponent(processId)}/documents/2.pdf`, {
    headers: { authorization: `Bearer ${login.body.token}` },
  });
}

async function verifyOnline(bytes: Buffer, username = 'audit.auditor') {
  const login = await h.anonymous('POST', '/api/auth/login', { username, password: 'demo' });
  const response = await fetch(`${h.baseUrl}/api/audit/verify`, {
    method: 'POST',
    headers: { authorization: `Bearer ${login.body.token}`, 'content-type': 'application/pdf' },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: await response.json() };
}

const flipped = (bytes: Buffer, at: number) => {
  const copy = Buffer.from(bytes);
  copy[at] ^= 0x01;
  return copy;
};

// First in the file: this process has parsed no font yet, so the rendering is the long one.
test('while the first document is rendered, the API answers other requests (healthz, a process view)', async () => {
  const events: string[] = [];
  const started = new Promise<void>((resolve) => renderEvents.once('start', () => resolve()));
  renderEvents.once('end', () => events.push('render ended'));
  const printing = fetchPdf(`gov-${county}.staff`).then(async (response) => {
    events.push('pdf answered');
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
  });
  await started;
  events.push('render started');
  const health = await fetch(`${h.baseUrl}/healthz`);
  events.push(`healthz ${health.status}`);
  const view = await (await h.as('audit.auditor')).get(`/api/processes/${encodeURIComponent(processId)}`);
  events.push(`process ${view.status}`);
  const printed = await printing;
  expect(printed.status).toBe(200);
  // Had the rendering held the event loop, neither request could be answered before it ended.
  expect(events).toEqual(['render started', 'healthz 200', 'process 200', 'render ended', 'pdf answered']);
  pdf = printed.bytes;
});

test('the memorandum is signed by both its organisations; the verify route says so and fails one changed byte anywhere', async () => {
  expect(readPdf(pdf).pages.join('')).toContain('自贸区营口片区管委会');
  const good = await verifyOnline(pdf);
  expect(good.status).toBe(200);
  expect(good.body).toMatchObject({ signed: true, valid: true, processId, number: expect.stringMatching(/^营自贸发〔\d{4}〕\d+号$/) });
  expect(good.body.signatures.map((s: { orgId: string; result: string }) => [s.orgId, s.result])).toEqual([
    ['ftz', 'ok'],
    [`gov-${county}`, 'ok'],
  ]);
  expect(good.body.signatures[0].orgName).toBe('自贸区营口片区管委会');

  // The process view names the same organisations beside the document (the console shows them).
  const view = await (await h.as(`gov-${county}.staff`)).get(`/api/processes/${encodeURIComponent(processId)}`);
  expect(view.body.documents.map((d: { signedBy: { orgId: string }[] }) => d.signedBy.map((o) => o.orgId))).toEqual([
    ['city'],
    ['ftz', `gov-${county}`],
  ]);

  // Flipped: the rendered body, the first signature's dictionary, its CMS, the zeros padding the last CMS, the last trailer.
  const firstSignature = pdf.indexOf('/CollabZonesDocument <') + 30;
  const firstCms = pdf.indexOf('/Contents <') + 400;
  const lastPadding = pdf.lastIndexOf('> /M (D:') - 10;
  for (const at of [100, Math.floor(pdf.length / 2), firstSignature, firstCms, lastPadding, pdf.length - 8]) {
    const changed = await verifyOnline(flipped(pdf, at));
    expect([at, changed.status, changed.body.valid]).toEqual([at, 200, false]);
  }
  expect((await verifyOnline(Buffer.concat([pdf, Buffer.from('% appended\n')]))).body).toMatchObject({
    valid: false,
    problem: expect.stringContaining('added after'),
  });
  // The rendered PDF without its signatures' updates.
  const rendered = pdf.subarray(0, pdf.lastIndexOf('%%EOF', pdf.indexOf('/Type /Sig ')) + 6);
  expect((await verifyOnline(rendered)).body).toMatchObject({
    signed: false,
    valid: false,
  });
  // Not a PDF at all: a clear 400. The route is for auditors and admins, as bundles are.
  expect((await verifyOnline(Buffer.from('<html>not a pdf</html>'))).status).toBe(400);
  expect((await verifyOnline(pdf, `gov-${county}.staff`)).status).toBe(403);
});

test('npm run audit:verify checks a PDF offline against the published organisation keys', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'document-verify-'));
  const keys = (await (await h.as('audit.auditor')).get('/api/audit/organisation-keys')).body;
  expect(keys.keys.find((k: { orgId: string }) => k.orgId === 'ftz')).toMatchObject({
    name: '自贸区营口片区管委会',
    keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
    // This harness provides no key files: every organisation's key is derived (the development default).
    source: 'derived',
    certificate: expect.stringContaining('-----BEGIN CERTIFICATE-----'),
  });
  writeFileSync(join(dir, 'keys.json'), JSON.stringify(keys));
  // A list where the county's key is the FTZ's: a signature that names the county must not pass with another's key.
  const ftzKey = keys.keys.find((k: { orgId: string }) => k.orgId === 'ftz');
  writeFileSync(
    join(dir, 'wrong-keys.json'),
    JSON.stringify({ keys: keys.keys.map((k: { orgId: string }) => (k.orgId === `gov-${county}` ? { ...ftzKey, orgId: k.orgId } : k)) }),
  );
  writeFileSync(join(dir, 'good.pdf'), pdf);
  writeFileSync(join(dir, 'bad.pdf'), flipped(pdf, 2000));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir, PAYLOAD_KEY: process.env.TEST_PAYLOAD_KEY };
  const run = (file: string, keyFile = 'keys.json') =>
    execFileAsync(
      process.execPath,
      ['--import', 'tsx', 'scripts/audit-verify.ts', join(dir, file), '--organisation-keys', join(dir, keyFile)],
      { cwd: join(__dirname, '..'), env },
    ).then(
      ({ stdout }) => ({ code: 0, result: JSON.parse(stdout) }),
      (error: { code: number; stdout: string }) => ({ code: error.code, result: JSON.parse(error.stdout) }),
    );
  const [good, bad, wrong] = await Promise.all([run('good.pdf'), run('bad.pdf'), run('good.pdf', 'wrong-keys.json')]);
  expect(good).toMatchObject({
    code: 0,
    result: {
      valid: true,
      signatures: [
        { orgId: 'ftz', orgName: '自贸区营口片区管委会', result: 'ok' },
        { orgId: `gov-${county}`, result: 'ok' },
      ],
    },
  });
  expect(bad).toMatchObject({ code: 1, result: { valid: false, problem: "the document's bytes are not those signed" } });
  expect(wrong).toMatchObject({ code: 1, result: { valid: false, signatures: [{ result: 'ok' }, { result: 'untrusted' }] } });
});

test('a PDF reader recognises both as standard signatures (pdfsig), and OpenSSL verifies each CMS over its byte range up to the published CA', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pades-'));
  writeFileSync(join(dir, 'memorandum.pdf'), pdf);
  const { stdout } = await execFileAsync('pdfsig', [join(dir, 'memorandum.pdf')]);
  const signatures = stdout.split(/Signature #\d+:/).slice(1);
  expect(signatures).toHaveLength(2);
  expect(signatures[0]).toContain('Signer Certificate Common Name: 自贸区营口片区管委会');
  expect(signatures[1]).toContain(`UID=gov-${county}`);
  for (const signature of signatures) {
    expect(signature).toContain('Signature Type: ETSI.CAdES.detached');
    expect(signature).toContain('Signing Hash Algorithm: SHA-256');
    expect(signature).toContain('Signature Validation: Signature is Valid.');
  }
  expect(signatures[1]).toContain('Total document signed');
  // One changed byte in the rendered body: the reader says so too.
  writeFileSync(join(dir, 'changed.pdf'), flipped(pdf, 100));
  const changed = await execFileAsync('pdfsig', [join(dir, 'changed.pdf')]).then(
    (r) => r.stdout,
    (e: { stdout: string }) => e.stdout,
  );
  expect(changed).not.toContain('Signature is Valid.');

  const keys = (await (await h.as('audit.auditor')).get('/api/audit/organisation-keys')).body;
  writeFileSync(join(dir, 'ca.pem'), keys.caCertificate);
  const text = pdf.toString('latin1');
  const found = [...text.matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+) *\] \/Contents <([0-9A-F]+)>/g)];
  expect(found).toHaveLength(2);
  for (const [i, m] of found.entries()) {
    const [a, b, c, d] = m.slice(1, 5).map(Number);
    writeFileSync(join(dir, `range-${i}`), Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]));
    // The CMS without the zeros after it: its length is in its DER header (30 82 hi lo).
    const cms = Buffer.from(m[5], 'hex');
    writeFileSync(join(dir, `cms-${i}.der`), cms.subarray(0, 4 + cms.readUInt16BE(2)));
    const verified = await execFileAsync('openssl', [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      join(dir, `cms-${i}.der`),
      '-content',
      join(dir, `range-${i}`),
      '-CAfile',
      join(dir, 'ca.pem'),
      '-purpose',
      'any',
      '-out',
      '/dev/null',
    ]);
    expect(verified.stderr).toContain('Verification successful');
  }
});
