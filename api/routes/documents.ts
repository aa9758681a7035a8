import { createHash } from 'node:crypto';
import { z } from 'zod';
import { documentText } from '../../domain/document-text';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS } from '../../domain/documents';
import { renderDocumentPdf } from '../../documents/render-pdf';
import { documentOf, keepPdf, processDocuments, searchDocuments } from '../../store/documents';
import { notFound } from '../errors';
import { defineRoute } from '../route';
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
});

export const listDocuments = defineRoute({
  method: 'get',
  path: '/api/documents',
  summary: 'The registry of numbered documents (文号): by issuing organisation, year, kind and words of the number or title',
  tag: 'Documents',
  query: z.object({
    org: z.string().regex(/^[a-z0-9-]+$/).optional(),
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
 * Prints a numbered document: rendered once from the act fixed with its 文号, then kept, so every
 * fetch answers the same bytes. Readable as the process is.
 */
export const getDocumentPdf = defineRoute({
  method: 'get',
  path: '/api/processes/{id}/documents/{n}.pdf',
  summary: "A process's numbered document as a PDF in the official layout (GB/T 9704-2012), Chinese fonts embedded; the same bytes every time",
  tag: 'Documents',
  params: z.object({ id: z.string().min(1).max(200), n: z.coerce.number().int().min(1).max(10_000) }),
  produces: 'application/pdf',
  response: z.instanceof(Buffer),
  async handler({ params, user, deps, res }) {
    await readableProcess(deps, user, params.id);
    const document = await documentOf(deps.db, params.id, params.n);
    if (!document) throw notFound(`process ${params.id} has no document ${params.n}`);
    const pdf = document.pdf ?? (await renderOnce(document.number, async () => keepPdf(deps.db, document.number, ...(await rendered(document)))));
    res.setHeader('Content-Disposition', `inline; filename="document-${params.n}.pdf"; filename*=UTF-8''${encodeURIComponent(document.number)}.pdf`);
    return pdf;
  },
});

/** Renders in flight, by 文号: readers arriving together wait for one rendering (seconds of CPU) in this process. */
const rendering = new Map<string, Promise<Buffer>>();
function renderOnce(number: string, render: () => Promise<Buffer>): Promise<Buffer> {
  let pending = rendering.get(number);
  if (!pending) {
    pending = render().finally(() => rendering.delete(number));
    rendering.set(number, pending);
  }
  return pending;
}

async function rendered(document: NonNullable<Awaited<ReturnType<typeof documentOf>>>): Promise<[Buffer, string]> {
  const text = documentText(document.kind, document.number, document.title, document.act);
  const pdf = await renderDocumentPdf(text, { issuedAt: document.issuedAt, subject: `${DOCUMENT_KIND_LABELS[document.kind].zh} ${document.number}` });
  return [pdf, createHash('sha256').update(pdf).digest('hex')];
}
