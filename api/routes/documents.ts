import { createHash } from 'node:crypto';
import { z } from 'zod';
import { documentText } from '../../domain/document-text';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, signingOrganisations } from '../../domain/documents';
import { keyringOf } from '../../audit/organisation-keys';
import { isSignedPdf, signPdf } from '../../documents/pdf-signature';
import { renderInThread } from '../../documents/renderer';
import { documentOf, keepPdf, processDocuments, searchDocuments } from '../../store/documents';
import { HttpError, refused } from '../errors';
import { defineRoute, type AuditDeps } from '../route';
import { idParams } from '../schemas';
import { readableProcess } from './processes';

export const documentSchema = z.object({
  number: z.string(),
  orgId: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  kind: z.enum(DOCUMENT_KINDS),
  ref: z.string(),
  processId: z.string(),
  title: z.string(),
  issuedAt: z.string(),
  n: z.number().int(),
  /** The organisations whose keys sign its PDF (电子签名). */
  signedBy: z.array(z.object({ orgId: z.string(), name: z.string() })),
});

export const listDocuments = defineRoute({
  method: 'get',
  path: '/api/documents',
  summary: 'The registry of numbered documents (文号): by issuing organisation, year, kind and words of the number or title',
  tag: 'Documents',
  query: z.object({
    org: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    kind: z.enum(DOCUMENT_KINDS).optional(),
    q: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  response: z.object({ items: z.array(documentSchema) }),
  async handler({ query, deps }) {
    return { items: await searchDocuments(deps.db, query) };
  },
});

export const listProcessDocuments = defineRoute({
  method: 'get',
  path: '/api/processes/{id}/documents',
  summary: "A process's numbered documents, in the order issued; each prints at …/documents/{n}.pdf",
  tag: 'Documents',
  params: idParams,
  response: z.object({ items: z.array(documentSchema) }),
  async handler({ params, user, deps }) {
    await readableProcess(deps, user, params.id);
    return { items: await processDocuments(deps.db, params.id) };
  },
});

/**
 * Prints a numbered document: rendered once from the act fixed with its 文号 (in a worker thread, off
 * the event loop), signed by its organisations' keys, then kept, so every fetch answers the same
 * bytes. Readable as the process is. A PDF kept before documents were signed is signed when next read.
 */
export const getDocumentPdf = defineRoute({
  method: 'get',
  path: '/api/processes/{id}/documents/{n}.pdf',
  summary:
    "A process's numbered document as a PDF in the official layout (GB/T 9704-2012), Chinese fonts embedded, signed by its organisations' keys (verify with POST /api/audit/verify or npm run audit:verify); the same bytes every time",
  tag: 'Documents',
  params: z.object({ id: z.string().min(1).max(200), n: z.coerce.number().int().min(1).max(10_000) }),
  produces: 'application/pdf',
  response: z.instanceof(Buffer),
  async handler({ params, user, deps, res }) {
    await readableProcess(deps, user, params.id);
    const document = await documentOf(deps.db, params.id, params.n);
    if (!document) throw refused('DOCUMENT_NOT_FOUND', { processId: params.id, n: Number(params.n) }, 'params.n');
    const audit = signingOf(deps.audit);
    const kept = document.pdf && isSignedPdf(document.pdf) ? document.pdf : undefined;
    const pdf =
      kept ??
      (await renderOnce(`${document.processId} ${document.number}`, async () =>
        keepPdf(deps.db, document, ...(await signed(document, audit)), document.pdf),
      ));
    res.setHeader(
      'Content-Disposition',
      `inline; filename="document-${params.n}.pdf"; filename*=UTF-8''${encodeURIComponent(document.number)}.pdf`,
    );
    return pdf;
  },
});

/** Renders in flight, by process and 文号 (a recorded approval's 文号 can be several zones'): readers arriving together wait for one rendering (seconds of CPU) in this process. */
const rendering = new Map<string, Promise<Buffer>>();
function renderOnce(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
  let pending = rendering.get(key);
  if (!pending) {
    pending = render().finally(() => rendering.delete(key));
    rendering.set(key, pending);
  }
  return pending;
}

function signingOf(audit: AuditDeps | undefined): AuditDeps {
  if (!audit) throw new HttpError(501, 'NOT_CONFIGURED', 'this API process has no signing key: documents are printed signed only');
  return audit;
}

/** The document signed by its organisations: the PDF kept unsigned by an earlier version, or rendered now. */
async function signed(document: NonNullable<Awaited<ReturnType<typeof documentOf>>>, audit: AuditDeps): Promise<[Buffer, string]> {
  const text = documentText(document.kind, document.number, document.title, document.act);
  const rendered =
    document.pdf ??
    (await renderInThread(text, { issuedAt: document.issuedAt, subject: `${DOCUMENT_KIND_LABELS[document.kind].zh} ${document.number}` }));
  const signers = signingOrganisations(document.kind, document.act).map(({ orgId, name }) => ({ orgId, orgName: name }));
  const pdf = signPdf(
    rendered,
    { number: document.number, processId: document.processId, issuedAt: new Date(document.issuedAt) },
    signers,
    keyringOf(audit),
  );
  return [pdf, createHash('sha256').update(pdf).digest('hex')];
}
