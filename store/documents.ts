import { signingOrganisations, type DocumentKind } from '../domain/documents';
import type { Queryable } from './db';

/** A numbered document as the registry lists it (without the act it prints from). */
export interface DocumentListing {
  number: string;
  orgId: string;
  year: number;
  seq: number;
  kind: DocumentKind;
  ref: string;
  processId: string;
  title: string;
  issuedAt: string;
  /** Its place among the process's documents, 1 first: the `{n}` of `…/documents/{n}.pdf`. */
  n: number;
  /** The organisations whose keys sign its PDF. */
  signedBy: { orgId: string; name: string }[];
}

interface Row {
  number: string;
  org_id: string;
  year: number;
  seq: number;
  kind: DocumentKind;
  ref: string;
  process_id: string;
  title: string;
  issued_at: Date | string;
  n: string | number;
  parties: Record<string, unknown>;
}

const LISTED = `number, org_id, year, seq, kind, ref, process_id, title, issued_at,
  jsonb_build_object('issuerName', act->'issuerName', 'governmentName', act->'governmentName', 'countyCode', act->'countyCode') AS parties,
  row_number() OVER (PARTITION BY process_id ORDER BY issued_at, org_id, year, seq) AS n`;

const toListing = (r: Row): DocumentListing => ({
  number: r.number,
  orgId: r.org_id,
  year: r.year,
  seq: r.seq,
  kind: r.kind,
  ref: r.ref,
  processId: r.process_id,
  title: r.title,
  issuedAt: new Date(r.issued_at).toISOString(),
  n: Number(r.n),
  signedBy: signingOrganisations(r.kind, r.parties),
});

export async function processDocuments(db: Queryable, processId: string): Promise<DocumentListing[]> {
  const rows = await db.query<Row>(`SELECT ${LISTED} FROM documents WHERE process_id = $1 ORDER BY n`, [processId]);
  return rows.map(toListing);
}

/** The registry of numbered documents: by issuing organisation, year, kind, or words of the 文号 or title. */
export async function searchDocuments(
  db: Queryable,
  filter: { org?: string; year?: number; kind?: DocumentKind; q?: string; processIds?: string[] | null; limit: number },
): Promise<DocumentListing[]> {
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db.query<Row>(
    `SELECT * FROM (SELECT ${LISTED} FROM documents) d
     WHERE ($1::text IS NULL OR org_id = $1) AND ($2::int IS NULL OR year = $2) AND ($3::text IS NULL OR kind = $3)
       AND ($4::text IS NULL OR number ILIKE $4 OR title ILIKE $4 OR ref ILIKE $4)
       AND ($5::text[] IS NULL OR process_id = ANY($5))
     ORDER BY issued_at DESC, number DESC LIMIT $6`,
    [filter.org ?? null, filter.year ?? null, filter.kind ?? null, pattern, filter.processIds ?? null, filter.limit],
  );
  return rows.map(toListing);
}

/** One document with the act it prints from and the PDF kept for it, if rendered. */
export async function documentOf(db: Queryable, processId: string, n: number) {
  const [row] = await db.query<Row & { act: Record<string, unknown>; pdf: Uint8Array | null; pdf_sha256: string | null }>(
    `SELECT d.*, documents.act, documents.pdf, documents.pdf_sha256 FROM (SELECT ${LISTED} FROM documents WHERE process_id = $1) d
     JOIN documents USING (number, process_id) WHERE d.n = $2`,
    [processId, n],
  );
  return row && { ...toListing(row), act: row.act, pdf: row.pdf ? Buffer.from(row.pdf) : null, pdfSha256: row.pdf_sha256 };
}

/**
 * Keeps a rendered PDF in place of the one read before (none, or one kept unsigned by an earlier
 * version); the first kept wins, so every reader gets the same bytes.
 */
export async function keepPdf(
  db: Queryable,
  document: { number: string; processId: string },
  pdf: Buffer,
  sha256: string,
  replacing: Buffer | null,
): Promise<Buffer> {
  const key = [document.number, document.processId];
  await db.query('UPDATE documents SET pdf = $3, pdf_sha256 = $4 WHERE number = $1 AND process_id = $2 AND pdf IS NOT DISTINCT FROM $5', [
    ...key,
    pdf,
    sha256,
    replacing,
  ]);
  const [row] = await db.query<{ pdf: Uint8Array }>('SELECT pdf FROM documents WHERE number = $1 AND process_id = $2', key);
  return Buffer.from(row.pdf);
}
