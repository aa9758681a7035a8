import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_PURPOSES, ATTACHMENT_TYPES, attachmentRefusal } from '../../domain/attachments';
import { sha256Of } from '../../store/attachment-files';
import { attachmentOf, attachmentRows } from '../../store/attachments';
import { taskById } from '../../store/tasks';
import { requireActionRule } from '../access';
import { actorOf } from '../auth';
import { HttpError, invalidInput, refused, refusedAll } from '../errors';
import { defineRoute, type RouteDeps } from '../route';
import { readableProcess } from './processes';

const attachmentView = z.object({
  sha256: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  fileName: z.string(),
  purpose: z.enum(ATTACHMENT_PURPOSES),
  taskId: z.string().nullable(),
  uploadedBy: z.object({ userId: z.string(), orgId: z.string() }),
  uploadedAt: z.string(),
});

function filesOf(deps: RouteDeps) {
  if (!deps.attachments) throw new HttpError(501, 'NOT_CONFIGURED', 'no attachment store is configured');
  return deps.attachments;
}

/**
 * Uploads a file to an open task's step: the body is the file itself (PDF, PNG or JPEG, at most
 * 10 MB), its name and purpose in the query. Kept by its SHA-256, then recorded by the process.
 */
export const uploadAttachment = defineRoute({
  method: 'post',
  path: '/api/tasks/{id}/attachments',
  summary:
    'Attaches a file (PDF, PNG or JPEG, ≤ 10 MB; the body is the file) to an open task: kept by its SHA-256, recorded in the step and the audit trail',
  tag: 'Attachments',
  params: z.object({ id: z.string().min(1).max(200) }),
  // Checked after the caller is known to be the task's (a stranger learns nothing from a 400).
  query: z.object({ name: z.string().optional(), purpose: z.string().optional() }),
  upload: { types: Object.keys(ATTACHMENT_TYPES), limit: ATTACHMENT_MAX_BYTES },
  body: z.unknown(),
  status: 201,
  response: attachmentView.omit({ uploadedAt: true, uploadedBy: true, taskId: true }),
  async handler({ params, query, body, user, deps, req }) {
    const task = await taskById(deps.db, params.id);
    if (!task) throw refused('TASK_NOT_FOUND', { taskId: params.id });
    requireActionRule(user, task.action, { taskOrgId: task.org_id });
    if (task.status !== 'open') throw refused('TASK_NOT_OPEN', { taskId: task.id, status: task.status });
    const named = z.object({ name: z.string().trim().min(1).max(200), purpose: z.enum(ATTACHMENT_PURPOSES) }).safeParse(query);
    if (!named.success) throw invalidInput(named.error, 'query', 'query');
    const mediaType = (req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    const refusal = attachmentRefusal(mediaType, bytes);
    if (refusal) throw refusedAll([refusal]);
    const sha256 = await filesOf(deps).put(bytes);
    if (sha256 !== sha256Of(bytes)) throw new HttpError(500, 'INTERNAL', 'the attachment store kept other bytes');
    const attachment = { sha256, size: bytes.length, mediaType, fileName: named.data.name, purpose: named.data.purpose };
    const requestId = req.header('idempotency-key') ?? randomUUID();
    await deps.client.workflow.getHandle(task.process_id).executeUpdate('attachFile', {
      args: [{ actor: actorOf(user), taskId: task.id, requestId, attachment }],
      updateId: requestId,
    });
    return attachment;
  },
});

export const listAttachments = defineRoute({
  method: 'get',
  path: '/api/processes/{id}/attachments',
  summary: "A process's attached files, by SHA-256, with the task they were attached to",
  tag: 'Attachments',
  params: z.object({ id: z.string().min(1).max(200) }),
  response: z.object({ items: z.array(attachmentView) }),
  async handler({ params, user, deps }) {
    await readableProcess(deps, user, params.id);
    const rows = await attachmentRows(deps.db, params.id);
    return {
      items: rows.map((r) => ({
        sha256: r.sha256,
        size: r.size_bytes,
        mediaType: r.media_type,
        fileName: r.file_name,
        purpose: r.purpose,
        taskId: r.step_ref,
        uploadedBy: { userId: r.uploaded_by.userId, orgId: r.uploaded_by.orgId },
        uploadedAt: new Date(r.uploaded_at).toISOString(),
      })),
    };
  },
});

/**
 * A file as attached: always a download (Content-Disposition: attachment), its declared type with
 * nosniff and a sandboxing policy, so a browser never renders it as a page of this origin.
 */
export const getAttachment = defineRoute({
  method: 'get',
  path: '/api/processes/{id}/attachments/{sha256}',
  summary: 'An attached file, as a download',
  tag: 'Attachments',
  params: z.object({ id: z.string().min(1).max(200), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  produces: 'application/octet-stream',
  response: z.instanceof(Buffer),
  async handler({ params, user, deps, res }) {
    await readableProcess(deps, user, params.id);
    const row = await attachmentOf(deps.db, params.id, params.sha256);
    if (!row) throw refused('ATTACHMENT_NOT_FOUND', { processId: params.id, sha256: params.sha256 }, 'params.sha256');
    const bytes = await filesOf(deps).get(row.sha256);
    if (!bytes || sha256Of(bytes) !== row.sha256)
      throw new HttpError(500, 'INTERNAL', `attachment ${row.sha256} is missing or damaged in the store`);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${row.sha256.slice(0, 12)}"; filename*=UTF-8''${encodeURIComponent(row.file_name)}`,
    );
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
    res.type(row.media_type);
    return bytes;
  },
});
