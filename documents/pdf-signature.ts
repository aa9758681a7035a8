/**
 * Organisation signatures of a printed document as standard PDF signatures (PAdES baseline B-B, ETSI
 * EN 319 142-1), which common readers recognise: each signing organisation appends one incremental
 * update (PDF 32000-1 7.5.6) holding
 * - a signature dictionary /Type /Sig /SubFilter /ETSI.CAdES.detached with /ByteRange (the whole file
 *   but the /Contents hole) and /Contents, a CMS SignedData by the organisation's P-256 key with its
 *   certificate (documents/cms.ts), /M the act's issue time, /Reason the 文号;
 * - an invisible signature field (widget on page 1) and the catalog and page again, now listing it in
 *   /AcroForm and /Annots.
 * The second organisation signs the file the first signed, so its range covers the first signature.
 * Everything is fixed by the act (time, names, RFC 6979 ECDSA), so the same act gives the same bytes.
 * Verification wants every signature to verify, each by the key the verifier holds for the organisation
 * the certificate names (UID), the last one to cover the whole file, and each /Contents padding to be
 * zeros: so one byte changed anywhere fails.
 */
import { createHash } from 'node:crypto';
import type { OrganisationKeyring, OrganisationKeys } from '../audit/organisation-keys';
import { keyIdOf } from '../audit/signing';
import { checkSignedData, signedData } from './cms';
import { read } from './der';

export interface PdfSigner {
  orgId: string;
  orgName: string;
}

export interface PdfVerification {
  signed: boolean;
  /** True only when the file is exactly as signed and every signature is by its organisation's key. */
  valid: boolean;
  number?: string;
  processId?: string;
  signatures: { orgId: string; orgName: string; keyId: string; result: 'ok' | 'bad' | 'untrusted' }[];
  problem?: string;
}

export class NotAPdf extends Error {}

/** Room for the CMS (two certificates and a signature, about 1.3 KB), in bytes. */
const CONTENTS_BYTES = 4096;
const SIG_MARK = '/Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached';
const RANGE_PLACEHOLDER = `/ByteRange [0 ${'0'.repeat(10)} ${'0'.repeat(10)} ${'0'.repeat(10)}]`;

/** A text string as PDF wants non-Latin text: UTF-16BE with a byte order mark, in hex. */
const pdfText = (text: string) => `<FEFF${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
const pdfDate = (at: Date) => `D:${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

interface Trailer {
  size: number;
  root: number;
  rest: string;
  startxref: number;
}

function lastTrailer(text: string): Trailer {
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  const at = text.lastIndexOf('trailer');
  const dict = at >= 0 ? /^trailer\s*<<([\s\S]*)>>\s*startxref/.exec(text.slice(at)) : null;
  const size = dict && /\/Size (\d+)/.exec(dict[1]);
  const root = dict && /\/Root (\d+) 0 R/.exec(dict[1]);
  if (!startxref || !dict || !size || !root) throw new NotAPdf('the PDF has no classic trailer to append an update to');
  const rest = dict[1]
    .replace(/\/Size \d+\s*/, '')
    .replace(/\/Root \d+ 0 R\s*/, '')
    .replace(/\/Prev \d+\s*/, '')
    .trim();
  return { size: Number(size[1]), root: Number(root[1]), rest, startxref: Number(startxref[1]) };
}

/** Where each object's newest version starts, from the cross-reference tables (newest section first, then /Prev). */
function objectOffsets(text: string, startxref: number): Map<number, number> {
  const offsets = new Map<number, number>();
  for (let at: number | undefined = startxref, hops = 0; at !== undefined && hops < 100; hops++) {
    const section = text.slice(at);
    if (!section.startsWith('xref')) throw new NotAPdf('the PDF has no classic cross-reference table');
    const end = section.indexOf('trailer');
    const lines = section
      .slice(4, end)
      .trim()
      .split(/\r?\n|\r/);
    for (let i = 0; i < lines.length;) {
      const [first, count] = lines[i++].trim().split(/\s+/).map(Number);
      for (let k = 0; k < count; k++, i++) {
        const [offset, , use] = lines[i].trim().split(/\s+/);
        if (use === 'n' && !offsets.has(first + k)) offsets.set(first + k, Number(offset));
      }
    }
    const prev = /\/Prev (\d+)/.exec(section.slice(end, section.indexOf('startxref')));
    at = prev ? Number(prev[1]) : undefined;
  }
  return offsets;
}

/** An object's dictionary text (`<< … >>`), for objects without a stream (the catalog and a page). */
function dictionaryOf(text: string, offsets: Map<number, number>, n: number): string {
  const at = offsets.get(n);
  const found = at === undefined ? null : /^\d+ 0 obj\s*(<<[\s\S]*?>>)\s*endobj/.exec(text.slice(at));
  if (!found) throw new NotAPdf(`object ${n} cannot be read`);
  return found[1];
}

/** The dictionary with `key` set to `value` (replacing the key's array or dictionary value if there). */
function withEntry(dictionary: string, key: string, value: string): string {
  const without = dictionary.replace(new RegExp(`\\s*/${key} (\\[[^\\]]*\\]|<<[^>]*>>)`), '');
  return `${without.slice(0, -2).trimEnd()}\n/${key} ${value}\n>>`;
}

/** Appends one organisation's signature: an incremental update as described above. */
function signOnce(
  pdf: Buffer,
  document: { number: string; processId: string; issuedAt: Date },
  signer: PdfSigner,
  keyring: OrganisationKeyring,
): Buffer {
  const text = pdf.toString('latin1');
  const trailer = lastTrailer(text);
  const offsets = objectOffsets(text, trailer.startxref);
  const catalog = dictionaryOf(text, offsets, trailer.root);
  const pagesRef = /\/Pages (\d+) 0 R/.exec(catalog);
  const kids = pagesRef && /\/Kids \[\s*(\d+) 0 R/.exec(dictionaryOf(text, offsets, Number(pagesRef[1])));
  if (!kids) throw new NotAPdf('the PDF has no first page to put the signature field on');
  const page = Number(kids[1]);
  const [sigN, fieldN] = [trailer.size, trailer.size + 1];
  const fields = [...(/\/AcroForm << \/Fields \[([^\]]*)\]/.exec(catalog)?.[1].matchAll(/(\d+) 0 R/g) ?? [])].map((m) => Number(m[1]));
  const annots = [...(/\/Annots \[([^\]]*)\]/.exec(dictionaryOf(text, offsets, page))?.[1].matchAll(/(\d+) 0 R/g) ?? [])].map((m) =>
    Number(m[1]),
  );
  const refs = (ns: number[]) => `[${ns.map((n) => `${n} 0 R`).join(' ')}]`;
  const statement = JSON.stringify({ number: document.number, processId: document.processId, orgId: signer.orgId });

  const objects: [number, string][] = [
    [
      sigN,
      `<< ${SIG_MARK} ${RANGE_PLACEHOLDER} /Contents <${'0'.repeat(CONTENTS_BYTES * 2)}> /M (${pdfDate(document.issuedAt)}) /Name ${pdfText(signer.orgName)} /Reason ${pdfText(`签发 ${document.number}`)} /CollabZonesDocument <${Buffer.from(statement).toString('hex')}> >>`,
    ],
    [
      fieldN,
      `<< /FT /Sig /Type /Annot /Subtype /Widget /F 132 /Rect [0 0 0 0] /T ${pdfText(`${signer.orgName} 电子签名`)} /V ${sigN} 0 R /P ${page} 0 R >>`,
    ],
    [trailer.root, withEntry(catalog, 'AcroForm', `<< /Fields ${refs([...fields, fieldN])} /SigFlags 3 >>`)],
    [page, withEntry(dictionaryOf(text, offsets, page), 'Annots', refs([...annots, fieldN]))],
  ];
  const lead = text.endsWith('\n') ? '' : '\n';
  let body = lead;
  const at = new Map<number, number>();
  for (const [n, dictionary] of objects) {
    at.set(n, pdf.length + Buffer.byteLength(body, 'latin1'));
    body += `${n} 0 obj\n${dictionary}\nendobj\n`;
  }
  const xrefAt = pdf.length + body.length;
  const sections = [...at]
    .sort(([a], [b]) => a - b)
    .map(([n, offset]) => `${n} 1\n${String(offset).padStart(10, '0')} 00000 n \n`)
    .join('');
  const tail = `xref\n${sections}trailer\n<< /Size ${trailer.size + 2} /Root ${trailer.root} 0 R ${trailer.rest} /Prev ${trailer.startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const update = Buffer.from(body + tail, 'latin1');
  const unsigned = Buffer.concat([pdf, update]);

  // The hole is /Contents' hex string, brackets included; the range is everything else.
  const sigAt = unsigned.indexOf(SIG_MARK, pdf.length, 'latin1');
  const holeStart = unsigned.indexOf('/Contents <', sigAt, 'latin1') + '/Contents '.length;
  const holeEnd = holeStart + CONTENTS_BYTES * 2 + 2;
  const range = [0, holeStart, holeEnd, unsigned.length - holeEnd];
  // Same length as the placeholder: the numbers, then spaces before the bracket.
  const rangeText = `/ByteRange [${range.join(' ')}`.padEnd(RANGE_PLACEHOLDER.length - 1, ' ') + ']';
  unsigned.write(rangeText, unsigned.indexOf(RANGE_PLACEHOLDER, sigAt, 'latin1'), 'latin1');
  const digest = createHash('sha256').update(unsigned.subarray(0, holeStart)).update(unsigned.subarray(holeEnd)).digest();
  const key = keyring.key(signer.orgId);
  const cms = signedData({
    digest,
    certificate: keyring.certificate(signer.orgId, signer.orgName),
    chain: [keyring.caCertificate()],
    signer: key,
  });
  if (cms.length > CONTENTS_BYTES) throw new Error('the CMS signature does not fit its reserved room');
  unsigned.write(cms.toString('hex').toUpperCase(), holeStart + 1, 'latin1');
  return unsigned;
}

/** The rendered PDF signed by each organisation in turn. */
export function signPdf(
  pdf: Buffer,
  document: { number: string; processId: string; issuedAt: Date },
  signers: PdfSigner[],
  keyring: OrganisationKeyring,
): Buffer {
  if (!signers.length) throw new Error(`document ${document.number} has no signing organisation`);
  return signers.reduce((signed, signer) => signOnce(signed, document, signer, keyring), pdf);
}

/** Whether these bytes already carry organisation signatures (a PDF kept before signing began does not). */
export function isSignedPdf(pdf: Buffer): boolean {
  return pdf.lastIndexOf(SIG_MARK, undefined, 'latin1') >= 0;
}

/** Checks a signed PDF against the organisations' public keys; says who signed it and whether the file is as signed. */
export function verifyPdf(pdf: Buffer, keys: OrganisationKeys): PdfVerification {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new NotAPdf('not a PDF: it does not begin with %PDF-');
  const text = pdf.toString('latin1');
  const found = [
    ...text.matchAll(
      /\/Type \/Sig \/Filter \/Adobe\.PPKLite \/SubFilter \/ETSI\.CAdES\.detached \/ByteRange \[(\d+) (\d+) (\d+) (\d+) *\] \/Contents <([0-9A-Fa-f]*)>[^\n]*?\/CollabZonesDocument <([0-9a-f]*)>/g,
    ),
  ];
  if (!found.length) return { signed: false, valid: false, signatures: [], problem: 'the PDF carries no organisation signature' };
  const problems: string[] = [];
  let statement: { number?: string; processId?: string } = {};
  const signatures = found.map((m) => {
    const [a, b, c, d] = m.slice(1, 5).map(Number);
    const hexAt = m.index! + m[0].indexOf('/Contents <') + '/Contents '.length;
    try {
      statement = JSON.parse(Buffer.from(m[6], 'hex').toString('utf8')) as typeof statement;
    } catch {
      problems.push('a signature names no document');
    }
    let der: Buffer | undefined;
    try {
      der = read(Buffer.from(m[5], 'hex')).bytes;
    } catch {
      der = undefined;
    }
    const check = der ? checkSignedData(der) : { signatureOk: false, problem: 'the CMS signature cannot be read' };
    const certificate = 'certificate' in check ? check.certificate : undefined;
    const orgId = /UID=([^\n]*)/.exec(certificate?.subject ?? '')?.[1] ?? '';
    const orgName = /CN=([^\n]*)/.exec(certificate?.subject ?? '')?.[1] ?? '';
    const keyId = certificate ? keyIdOf(certificate.publicKey) : '';
    const trusted = keys(orgId);
    const rangeOk = a === 0 && b === hexAt && c === hexAt + m[5].length + 2 && c + d <= pdf.length;
    const digest = createHash('sha256')
      .update(pdf.subarray(0, b))
      .update(pdf.subarray(c, c + d))
      .digest();
    const padding = der ? m[5].slice(der.length * 2) : '';
    let result: 'ok' | 'bad' | 'untrusted';
    if (!rangeOk || !der || /[^0]/.test(padding) || !check.signatureOk || !check.messageDigest?.equals(digest)) {
      result = 'bad';
      problems.push(
        !rangeOk || !check.messageDigest?.equals(digest)
          ? "the document's bytes are not those signed"
          : 'a signature does not match the document',
      );
    } else if (!trusted || keyIdOf(trusted) !== keyId) {
      result = 'untrusted';
      problems.push('signed with a key this verifier does not hold for that organisation');
    } else result = 'ok';
    return { orgId, orgName, keyId, result, end: c + d };
  });
  if (!problems.length && signatures[signatures.length - 1].end !== pdf.length)
    problems.push('something was added after the last signature');
  return {
    signed: true,
    valid: !problems.length,
    number: statement.number,
    processId: statement.processId,
    signatures: signatures.map(({ end: _end, ...s }) => s),
    ...(problems.length ? { problem: problems[0] } : {}),
  };
}
