/**
 * Official documents (公文): the acts that carry a 文号, how a 文号 reads, and who issues each act.
 * Pure: the records store keeps the sequence (activities/document-records.ts), this says what it means.
 */

/** The acts that are issued as numbered documents once final. */
export const DOCUMENT_KINDS = ['memorandum', 'agreement', 'recognition', 'approval'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, { zh: string; en: string }> = {
  memorandum: { zh: '协同发展备忘录', en: 'Memorandum' },
  agreement: { zh: '委托协议', en: 'Delegation agreement' },
  recognition: { zh: '行政处罚结果认可函', en: 'Recognition letter' },
  approval: { zh: '批复', en: 'Approval' },
};

/**
 * The organisation whose sequence numbers an act. A memorandum and an agreement are joint acts of the
 * FTZ and a county government; a joint document takes the number of the organisation that drafts and
 * issues it (主办机关), here the FTZ. The recognition letter is the FTZ's own; an approval the city's.
 */
export const ISSUER: Record<DocumentKind, string> = {
  memorandum: 'ftz',
  agreement: 'ftz',
  recognition: 'ftz',
  approval: 'city',
};

/** 发文字号 as GB/T 9704-2012 7.2.4 writes it: 机关代字, the year in 六角括号 〔〕, the number without leading zeros, 号. */
export function documentNumber(prefix: string, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`a document number starts at 1, not ${seq}`);
  return `${prefix}〔${year}〕${seq}号`;
}

/** Reads a 文号 back into its parts; undefined when it is not one. */
export function parseDocumentNumber(number: string): { prefix: string; year: number; seq: number } | undefined {
  const match = /^(.+)〔(\d{4})〕([1-9]\d*)号$/u.exec(number);
  return match ? { prefix: match[1], year: Number(match[2]), seq: Number(match[3]) } : undefined;
}

/**
 * The organisations whose keys sign a document's PDF: every party that signs the act (both of a joint
 * memorandum or agreement), with the names the document prints for them.
 */
export function signingOrganisations(kind: DocumentKind, act: Record<string, unknown>): { orgId: string; name: string }[] {
  const issuer = { orgId: ISSUER[kind], name: String(act.issuerName ?? ISSUER[kind]) };
  if (kind === 'memorandum' || kind === 'agreement') {
    const government = `gov-${String(act.countyCode)}`;
    return [issuer, { orgId: government, name: String(act.governmentName ?? government) }];
  }
  return [issuer];
}
