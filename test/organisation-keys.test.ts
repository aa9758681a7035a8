import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { keyringKeys, organisationKeyring } from '../audit/organisation-keys';
import { signingKey } from '../audit/signing';
import { signPdf, verifyPdf } from '../documents/pdf-signature';

/**
 * Organisation keys are not all one secret: a key file per organisation (ORGANISATION_KEYS_DIR) is used
 * for that organisation, the others are derived from the deployment's audit key (development); a
 * document signed with a provided key verifies only against that key.
 */
const deployment = signingKey(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
const pem = (key: ReturnType<typeof generateKeyPairSync>['privateKey']) => key.export({ format: 'pem', type: 'pkcs8' }).toString();

async function smallPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ info: { CreationDate: new Date('2026-01-01T00:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  doc.text('memorandum');
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

test('a provided key file is used for its organisation, the others are derived; a key not P-256 is refused by name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'org-keys-'));
  const ftz = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  writeFileSync(join(dir, 'ftz.pem'), pem(ftz.privateKey));
  writeFileSync(join(dir, 'city.pem'), pem(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey));
  const ring = organisationKeyring(deployment, dir);

  expect(ring.key('ftz').source).toBe('provided');
  expect(ring.key('ftz').publicKey.equals(ftz.publicKey)).toBe(true);
  expect(ring.key('gov-a').source).toBe('derived');
  // Derived keys: one per organisation, the same in every process with the same deployment key.
  expect(organisationKeyring(deployment).key('gov-a').keyId).toBe(ring.key('gov-a').keyId);
  expect(ring.key('gov-b').keyId).not.toBe(ring.key('gov-a').keyId);
  expect(organisationKeyring(deployment).key('ftz').keyId).not.toBe(ring.key('ftz').keyId);
  expect(() => ring.key('city')).toThrow('the document-signing key of city must be ECDSA P-256');
});

test('a document signed with a provided key: the same bytes twice, valid with that key, untrusted with the derived one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'org-keys-'));
  writeFileSync(join(dir, 'ftz.pem'), pem(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey));
  const ring = organisationKeyring(deployment, dir);
  const pdf = await smallPdf();
  const act = { number: '营自贸发〔2026〕3号', processId: 'zone-a', issuedAt: new Date('2026-03-01T02:00:00Z') };
  const signers = [
    { orgId: 'ftz', orgName: '自贸区营口片区管委会' },
    { orgId: 'gov-a', orgName: '甲县人民政府' },
  ];
  const signed = signPdf(pdf, act, signers, ring);
  expect(signPdf(pdf, act, signers, ring).equals(signed)).toBe(true);

  expect(verifyPdf(signed, keyringKeys(ring))).toMatchObject({
    valid: true,
    number: act.number,
    processId: 'zone-a',
    signatures: [
      { orgId: 'ftz', result: 'ok', keyId: ring.key('ftz').keyId },
      { orgId: 'gov-a', result: 'ok' },
    ],
  });
  // A verifier that knows only the deployment's derived keys does not take the FTZ's provided one.
  expect(verifyPdf(signed, keyringKeys(organisationKeyring(deployment)))).toMatchObject({
    valid: false,
    signatures: [
      { orgId: 'ftz', result: 'untrusted' },
      { orgId: 'gov-a', result: 'ok' },
    ],
  });
});
