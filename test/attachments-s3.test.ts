import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
// s3rver: an S3-compatible server written in JS that checks Signature V4 like the real services do.
import S3rver from 's3rver';
import { verifyAttachments } from '../audit/attachments';
import { attachmentFilesOf, type AttachmentStoreSettings } from '../store/attachment-files';
import { S3Error, s3Client, signatureV4 } from '../store/s3-client';
import { startHarness, type Harness } from './support/harness';
import { launch, taskFor } from './support/zone-flow';

/**
 * The cluster layout's attachment store: an S3-compatible bucket (a real server on loopback, started
 * here). Files go there by their SHA-256 through the same upload route, come back byte for byte, and
 * `npm run audit:verify` checks a bundle against the bucket — one changed byte in it fails.
 */
const execFileAsync = promisify(execFile);
let server: S3rver;
let settings: AttachmentStoreSettings;
let h: Harness;

beforeAll(async () => {
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: mkdtempSync(join(tmpdir(), 's3rver-')),
    configureBuckets: [{ name: 'collab-zones-files', configs: [] }],
  });
  const { port } = await server.run();
  settings = {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'data-')),
    ATTACHMENTS_S3_ENDPOINT: `http://127.0.0.1:${port}`,
    ATTACHMENTS_S3_BUCKET: 'collab-zones-files',
    ATTACHMENTS_S3_REGION: 'us-east-1',
    ATTACHMENTS_S3_PREFIX: 'attachments/',
    // s3rver's built-in account.
    ATTACHMENTS_S3_ACCESS_KEY_ID: 'S3RVER',
    ATTACHMENTS_S3_SECRET_ACCESS_KEY: 'S3RVER',
  };
  h = await startHarness({ attachments: attachmentFilesOf(settings) });
});
afterAll(async () => {
  await h?.stop();
  await server?.close();
});

const bucket = () =>
  s3Client({
    endpoint: settings.ATTACHMENTS_S3_ENDPOINT!,
    bucket: settings.ATTACHMENTS_S3_BUCKET!,
    region: settings.ATTACHMENTS_S3_REGION,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
  });

test('requests are signed as AWS documents Signature V4 (its published GET Object example), and an unknown key is refused', async () => {
  // s3rver checks the access key but not a V4 signature, so the signing is held to AWS's own worked example.
  const headers = signatureV4(
    {
      method: 'GET',
      host: 'examplebucket.s3.amazonaws.com',
      path: '/test.txt',
      payloadSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      extra: { Range: 'bytes=0-9' },
    },
    { region: 'us-east-1', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    new Date('2013-05-24T00:00:00Z'),
  );
  expect(headers.authorization).toBe(
    'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
      'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
      'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  );

  const intruder = s3Client({
    endpoint: settings.ATTACHMENTS_S3_ENDPOINT!,
    bucket: settings.ATTACHMENTS_S3_BUCKET!,
    region: 'us-east-1',
    accessKeyId: 'NOT-AN-ACCOUNT',
    secretAccessKey: 'S3RVER',
  });
  const error = await intruder.put('attachments/zz/forged', Buffer.from('x')).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(S3Error);
  expect((error as S3Error).status).toBe(403);
  expect(await bucket().get('attachments/zz/forged')).toBeUndefined();
});

test('a scan uploaded through the API is kept in the bucket by its digest, downloaded intact, and verified with the bundle', async () => {
  const county = await h.newCounty();
  const id = await launch(h, county);
  const draft = await taskFor(h, 'ftz.staff', id, 'draftMemorandum');
  const scan = Buffer.concat([Buffer.from('%PDF-1.4\n% 扫描件\n'), Buffer.alloc(300_000, 7), Buffer.from('\n%%EOF\n')]);
  const sha256 = createHash('sha256').update(scan).digest('hex');

  const login = await h.anonymous('POST', '/api/auth/login', { username: 'ftz.staff', password: 'demo' });
  const auth = { authorization: `Bearer ${login.body.token}` };
  const uploaded = await fetch(`${h.baseUrl}/api/tasks/${encodeURIComponent(draft.id)}/attachments?name=scan.pdf&purpose=scan`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/pdf' },
    body: new Uint8Array(scan),
  });
  expect(uploaded.status).toBe(201);
  expect((await uploaded.json()).sha256).toBe(sha256);
  // In the bucket under its content address; not on this process's disk.
  expect((await bucket().get(`attachments/${sha256.slice(0, 2)}/${sha256}`))?.equals(scan)).toBe(true);
  expect(readdirSync(h.attachmentsDir)).toEqual([]);

  const downloaded = await fetch(`${h.baseUrl}/api/processes/${id}/attachments/${sha256}`, { headers: auth });
  expect(downloaded.status).toBe(200);
  expect(downloaded.headers.get('content-disposition')).toMatch(/^attachment/);
  expect(Buffer.from(await downloaded.arrayBuffer()).equals(scan)).toBe(true);

  const auditor = await h.as('audit.auditor');
  const auditorLogin = await h.anonymous('POST', '/api/auth/login', { username: 'audit.auditor', password: 'demo' });
  const exported = await fetch(`${h.baseUrl}/api/processes/${id}/export`, {
    headers: { authorization: `Bearer ${auditorLogin.body.token}` },
  });
  const bundleText = await exported.text();
  const bundle = JSON.parse(bundleText);
  expect(await verifyAttachments(bundle, attachmentFilesOf(settings))).toEqual({
    attachments: 'ok',
    files: [{ sha256, fileName: 'scan.pdf', result: 'ok' }],
  });

  // The script, configured for the bucket as a deployment would be (no --attachments directory).
  const dir = mkdtempSync(join(tmpdir(), 'audit-verify-s3-'));
  writeFileSync(join(dir, 'key.pem'), (await auditor.get('/api/audit/public-key')).body.pem);
  writeFileSync(join(dir, 'bundle.json'), bundleText);
  const run = () =>
    execFileAsync(
      process.execPath,
      ['--import', 'tsx', 'scripts/audit-verify.ts', join(dir, 'bundle.json'), '--public-key', join(dir, 'key.pem')],
      {
        cwd: join(__dirname, '..'),
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          PAYLOAD_KEY: process.env.TEST_PAYLOAD_KEY,
          WORKFLOW_BUNDLE: process.env.TEST_WORKFLOW_BUNDLE,
          ...settings,
          DATA_DIR: dir,
        },
      },
    ).then(
      ({ stdout }) => ({ code: 0, result: JSON.parse(stdout) }),
      (error: { code: number; stdout: string }) => ({ code: error.code, result: JSON.parse(error.stdout) }),
    );
  expect(await run()).toMatchObject({ code: 0, result: { signature: 'ok', attachments: 'ok' } });

  // One byte of the object changed in the bucket: the bundle no longer verifies with its files.
  const changed = Buffer.from(scan);
  changed[1000] ^= 1;
  await bucket().put(`attachments/${sha256.slice(0, 2)}/${sha256}`, changed);
  expect(await run()).toMatchObject({
    code: 1,
    result: { signature: 'ok', attachments: 'failed', files: [{ sha256, result: 'changed' }] },
  });
});
