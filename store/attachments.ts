/** The attachments a process recorded, as the API lists and serves them (the bytes are in attachment-files). Rows are parsed, not cast. */
import { z } from 'zod';
import { ATTACHMENT_PURPOSES } from '../domain/attachments';
import type { Queryable } from './db';
import { firstOf, instant, rowsOf } from './rows';

const attachmentRow = z.object({
  sha256: z.string(),
  size_bytes: z.number(),
  media_type: z.string(),
  file_name: z.string(),
  purpose: z.enum(ATTACHMENT_PURPOSES),
  step_ref: z.string().nullable(),
  uploaded_by: z.object({ userId: z.string(), orgId: z.string() }),
  uploaded_at: instant,
});
export type AttachmentRow = z.infer<typeof attachmentRow>;

/** A process's attachments, in the order uploaded. */
export function attachmentRows(q: Queryable, processId: string): Promise<AttachmentRow[]> {
  return rowsOf(q, attachmentRow, 'SELECT * FROM attachments WHERE process_id = $1 ORDER BY uploaded_at, id', [processId]);
}

/** A process's attachment by its SHA-256; null when the process has none with it. */
export function attachmentOf(q: Queryable, processId: string, sha256: string): Promise<AttachmentRow | null> {
  return firstOf(q, attachmentRow, 'SELECT * FROM attachments WHERE process_id = $1 AND sha256 = $2 LIMIT 1', [processId, sha256]);
}
