/**
 * Organisation signatures of a printed document, verifiable offline with nothing but the PDF and the
 * organisations' public keys. The signed PDF is the rendered one followed by one incremental update
 * (PDF 32000-1 7.5.6), so every reader still opens it as it was rendered; the update holds one object:
 *
 *   << /Type /CollabZonesSignatures /Statement <hex> /Signatures [ << /Org <hex> /Value <hex> >> … ] >>
 *
 * The statement (JSON, UTF-8) names the document (文号, process), the length and SHA-256 of the bytes
 * it covers (the rendered PDF, everything before the update) and each signing organisation with its
 * key id; each organisation's Ed25519 signature is over the statement's bytes. A verifier rebuilds the
 * whole update from what it read and wants it byte for byte, so one byte changed anywhere in the file
 * fails: in the rendered part the digest, in the statement the signatures, elsewhere the rebuilt update.
 * Not PAdES: no CMS library is installed, and Ed25519 in CMS (RFC 8419) is read by few PDF viewers.
 */
import { createHash } from 'node:crypto';
import type { OrganisationKeys } from '../audit/organisation-keys';
import { keyIdOf, signText, verifyText, type SigningKey } from '../audit/signing';

export interface PdfSigner {
  orgId: string;
  orgName: string;
  key: SigningKey;
}

interface Statement {
  type: 'collab-zones document signature';
  number: string;
  processId: string;
  /** How many bytes of the file are signed: the rendered PDF. */
  signedBytes: number;
  sha256: string;
  signers: { orgId: string; orgName: string; keyId: string }[];
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

const MARK = '/Type /CollabZonesSignatures /Statement <';
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function signPdf(pdf: Buffer, document: { number: string; processId: string }, signers: PdfSigner[]): Buffer {
  if (!signers.length) throw new Error(`document ${document.number} has no signing organisation`);
  const statement: Statement = {
    type: 'collab-zones document signature',
    number: document.number,
    processId: document.processId,
    signedBytes: pdf.length,
    sha256: sha256(pdf),
    signers: signers.map((s) => ({ orgId: s.orgId, orgName: s.orgName, keyId: s.key.keyId })),
  };
  const text = JSON.stringify(statement);
  return Buffer.concat([
    pdf,
    update(
      pdf,
      text,
      signers.map((s) => ({ orgId: s.orgId, value: signText(s.key, text) })),
    ),
  ]);
}

/** Whether these bytes already carry organisation signatures (a PDF kept before signing began does not). */
export function isSignedPdf(pdf: Buffer): boolean {
  return pdf.lastIndexOf(MARK, undefined, 'latin1') >= 0;
}

/** The incremental update after `signed`: the signatures' object, its cross-reference section and a trailer chained to the previous one. */
function update(signed: Buffer, statement: string, signatures: { orgId: string; value: string }[]): Buffer {
  const text = signed.toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  const trailerAt = text.lastIndexOf('trailer');
  const trailer = trailerAt >= 0 ? /^trailer\s*<<([\s\S]*)>>\s*startxref/.exec(text.slice(trailerAt)) : null;
  const size = trailer && /\/Size (\d+)/.exec(trailer[1]);
  if (!startxref || !trailer || !size) throw new NotAPdf('the PDF has no classic trailer to append an update to');
  const object = Number(size[1]);
  const lead = text.endsWith('\n') ? '' : '\n';
  const entries = signatures
    .map((s) => `<< /Org <${hex(s.orgId)}> /Value <${Buffer.from(s.value, 'base64').toString('hex')}> >>`)
    .join(' ');
  const body = `${lead}${object} 0 obj\n<< ${MARK}${hex(statement)}> /Signatures [ ${entries} ] >>\nendobj\n`;
  const objectAt = signed.length + lead.length;
  const xrefAt = signed.length + body.length;
  const inner = trailer[1]
    .replace(/\/Size \d+/, `/Size ${object + 1}`)
    .replace(/\/Prev \d+\s*/, '')
    .replace(/\/CollabZonesSignatures \d+ 0 R\s*/, '');
  const tail = `xref\n${object} 1\n${String(objectAt).padStart(10, '0')} 00000 n \ntrailer\n<<${inner}/Prev ${startxref[1]}\n/CollabZonesSignatures ${object} 0 R\n>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body + tail, 'latin1');
}

/** Checks a signed PDF against the organisations' public keys; says who signed it and whether the file is as signed. */
export function verifyPdf(pdf: Buffer, keys: OrganisationKeys): PdfVerification {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new NotAPdf('not a PDF: it does not begin with %PDF-');
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf(MARK);
  if (at < 0) return { signed: false, valid: false, signatures: [], problem: 'the PDF carries no organisation signature' };
  const found = /^([0-9a-f]*)> \/Signatures \[ ((?:<< \/Org <[0-9a-f]*> \/Value <[0-9a-f]*> >> )*)\]/.exec(text.slice(at + MARK.length));
  let statement: Statement | undefined;
  try {
    statement = found ? (JSON.parse(Buffer.from(found[1], 'hex').toString('utf8')) as Statement) : undefined;
  } catch {
    statement = undefined;
  }
  if (!found || !statement || !Array.isArray(statement.signers) || !Number.isInteger(statement.signedBytes)) {
    return { signed: true, valid: false, signatures: [], problem: 'the signature section cannot be read' };
  }
  const statementText = Buffer.from(found[1], 'hex').toString('utf8');
  const values = [...found[2].matchAll(/<< \/Org <([0-9a-f]*)> \/Value <([0-9a-f]*)> >> /g)].map((m) => ({
    orgId: Buffer.from(m[1], 'hex').toString('utf8'),
    value: Buffer.from(m[2], 'hex').toString('base64'),
  }));
  const signatures = statement.signers.map((signer, i) => {
    const value = values[i];
    const key = keys(signer.orgId);
    const result: 'ok' | 'bad' | 'untrusted' =
      !key || keyIdOf(key) !== signer.keyId
        ? 'untrusted'
        : value?.orgId === signer.orgId && verifyText(key, statementText, value.value)
          ? 'ok'
          : 'bad';
    return { orgId: signer.orgId, orgName: signer.orgName, keyId: signer.keyId, result };
  });
  const base = { signed: true, number: statement.number, processId: statement.processId, signatures };
  const content = pdf.subarray(0, Math.min(statement.signedBytes, pdf.length));
  let problem: string | undefined;
  if (statement.signedBytes > pdf.length || sha256(content) !== statement.sha256) problem = "the document's bytes are not those signed";
  else if (
    values.length !== statement.signers.length ||
    !update(content, statementText, values).equals(pdf.subarray(statement.signedBytes))
  ) {
    problem = 'the signature section was altered, or something was added after it';
  } else if (signatures.some((s) => s.result === 'untrusted'))
    problem = 'signed with a key this verifier does not hold for that organisation';
  else if (signatures.some((s) => s.result === 'bad')) problem = 'a signature does not match the document';
  return problem ? { ...base, valid: false, problem } : { ...base, valid: signatures.length > 0 };
}
