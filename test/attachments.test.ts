import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { verifyAttachments } from '../audit/attachments';
import { startHarness, type Harness } from './support/harness';
import { launch, memorandum, taskFor, complete } from './support/zone-flow';

/**
 * Files attached to a step: kept by SHA-256, never served as a page, recorded in the step and the
 * audit export; a bundle verified with its files fails when one byte of a file changes.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

const PDF = Buffer.from('%PDF-1.4\n% a scanned map of the zone\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

async function upload(
  username: string,
  taskId: string,
  bytes: Buffer,
  type: string,
  query = 'name=%E5%8D%8F%E5%90%8C%E5%8C%BA%E5%9B%BE.pdf&purpose=map',
) {
  const login = await h.anonymous('POST', '/api/auth/login', { username, password: 'demo' });
  const response = await fetch(`${h.baseUrl}/api/tasks/${encodeURIComponent(taskId)}/attachments?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${login.body.token}`, 'content-type': type },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: await response.json() };
}

test('a map attached to the draft: stored by its digest, listed, downloaded as a file, in the export; one changed byte fails verification', async () => {
  const county = await h.newCounty();
  const id = await launch(h, county);
  const draft = await taskFor(h, 'ftz.staff', id, 'draftMemorandum');

  // Refused, and nothing kept: another organisation, an HTML page posing as a PDF, a type not taken.
  expect((await upload(`gov-${county}.staff`, draft.id, PDF, 'application/pdf')).status).toBe(403);
  const html = await upload('ftz.staff', draft.id, Buffer.from('<html><script>alert(1)</script></html>'), 'application/pdf');
  expect(html.status).toBe(400);
  expect(html.body.error.message).toContain('不是声明的类型');
  expect((await upload('ftz.staff', draft.id, Buffer.from('<html></html>'), 'text/html')).status).toBe(415);
  expect((await upload('ftz.staff', draft.id, Buffer.alloc(11 * 1024 * 1024, 0x25), 'application/pdf')).status).toBe(413);
  expect(await h.db.query('SELECT 1 FROM attachments WHERE process_id = $1', [id])).toEqual([]);

  const sha256 = createHash('sha256').update(PDF).digest('hex');
  const uploaded = await upload('ftz.staff', draft.id, PDF, 'application/pdf');
  expect(uploaded).toEqual({
    status: 201,
    body: { sha256, size: PDF.length, mediaType: 'application/pdf', fileName: '协同区图.pdf', purpose: 'map' },
  });
  expect(readFileSync(join(h.attachmentsDir, sha256.slice(0, 2), sha256)).equals(PDF)).toBe(true);

  const auditor = await h.as('audit.auditor');
  const listed = await auditor.get(`/api/processes/${id}/attachments`);
  expect(listed.body.items).toEqual([
    expect.objectContaining({ sha256, taskId: draft.id, uploadedBy: { userId: 'ftz.staff', orgId: 'ftz' } }),
  ]);
  const login = await h.anonymous('POST', '/api/auth/login', { username: `gov-${county}.staff`, password: 'demo' });
  const download = await fetch(`${h.baseUrl}/api/processes/${id}/attachments/${sha256}`, {
    headers: { authorization: `Bearer ${login.body.token}` },
  });
  expect(download.status).toBe(200);
  expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
  expect(download.headers.get('x-content-type-options')).toBe('nosniff');
  expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);

  await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
  const exported = await auditor.get(`/api/processes/${id}/export`);
  expect(exported.status).toBe(200);
  const bundle = exported.body;
  expect(JSON.stringify(bundle.timeline)).toContain(sha256);

  const dir = join(h.attachmentsDir);
  expect(await verifyAttachments(bundle, dir)).toEqual({ attachments: 'ok', files: [{ sha256, fileName: '协同区图.pdf', result: 'ok' }] });
  // One byte of the kept file changed: the bundle no longer proves it.
  const path = join(dir, sha256.slice(0, 2), sha256);
  const changed = Buffer.from(PDF);
  changed[changed.length - 2] ^= 1;
  writeFileSync(path, changed);
  expect(await verifyAttachments(bundle, dir)).toEqual({
    attachments: 'failed',
    files: [{ sha256, fileName: '协同区图.pdf', result: 'changed' }],
  });
});
