import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../domain/documents';
import { processDocuments, searchDocuments } from '../../store/documents';
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
