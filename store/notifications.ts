/**
 * Notifications as the console reads them: an organisation's list with each one's deliveries, marking
 * one read, and the escalations (督办) with the tasks still overdue. Rows are parsed, not cast.
 */
import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../domain/notifications';
import type { Queryable } from './db';
import { firstOf, idish, instant, numberish, rowsOf } from './rows';

const notificationRow = z.object({
  id: idish,
  process_id: z.string(),
  process_type: z.string().nullable(),
  org_id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  message: z.string(),
  at: instant,
  read_at: instant.nullable(),
  read_by: z.string().nullable(),
  // Built by json_build_object: a moment is its JSON text there.
  deliveries: z
    .array(
      z.object({
        channel: z.string(),
        target: z.string(),
        status: z.enum(['PENDING', 'SENT', 'FAILED']),
        attempts: z.number(),
        last_error: z.string().nullable(),
        sent_at: z.string().nullable(),
      }),
    )
    .nullable(),
});
export type NotificationRow = z.infer<typeof notificationRow>;

// The process type from the ledger of its events: the notifications table predates it.
const COLUMNS = `n.id, n.process_id, n.org_id, n.kind, n.message, n.at, n.read_at, n.read_by,
  (SELECT e.process_type FROM process_events e WHERE e.process_id = n.process_id LIMIT 1) AS process_type,
  (SELECT json_agg(json_build_object('channel', o.channel, 'target', o.target, 'status', o.status, 'attempts', o.attempts,
     'last_error', o.last_error, 'sent_at', o.sent_at) ORDER BY o.id) FROM outbox o WHERE o.notification_id = n.id) AS deliveries`;

/** An organisation's notifications (unread ones only when asked), newest first. */
export function notificationRows(q: Queryable, orgId: string, unreadOnly: boolean, limit: number): Promise<NotificationRow[]> {
  const unread = unreadOnly ? 'AND n.read_at IS NULL' : '';
  return rowsOf(
    q,
    notificationRow,
    `SELECT ${COLUMNS} FROM notifications n WHERE n.org_id = $1 ${unread} ORDER BY n.at DESC, n.id DESC LIMIT $2`,
    [orgId, limit],
  );
}

/** How many of an organisation's notifications are unread. */
export async function unreadCount(q: Queryable, orgId: string): Promise<number> {
  const [count] = await rowsOf(
    q,
    z.object({ n: numberish }),
    'SELECT count(*) AS n FROM notifications WHERE org_id = $1 AND read_at IS NULL',
    [orgId],
  );
  return count.n;
}

/** The organisation a notification is for; null when there is no such notification. */
export async function notificationOrg(q: Queryable, id: string): Promise<string | null> {
  const found = await firstOf(q, z.object({ org_id: z.string() }), 'SELECT org_id FROM notifications WHERE id = $1', [id]);
  return found?.org_id ?? null;
}

/** Marks a notification read by a user, once: a second time keeps the first reader. */
export async function markRead(q: Queryable, id: string, username: string): Promise<void> {
  await q.query('UPDATE notifications SET read_at = now(), read_by = $2 WHERE id = $1 AND read_at IS NULL', [id, username]);
}

/** One notification with its deliveries. */
export async function notificationById(q: Queryable, id: string): Promise<NotificationRow | null> {
  return firstOf(q, notificationRow, `SELECT ${COLUMNS} FROM notifications n WHERE n.id = $1`, [id]);
}

const oversightRow = z.object({
  process_id: z.string(),
  process_type: z.string().nullable(),
  at: instant,
  message: z.string(),
  overdue: z
    .array(z.object({ id: z.string(), title_zh: z.string(), title_en: z.string(), org_id: z.string(), due_at: z.string() }))
    .nullable(),
});

/** The latest escalation to an organisation of each process, with that process's open tasks past due. */
export function escalationRows(q: Queryable, orgId: string): Promise<z.infer<typeof oversightRow>[]> {
  return rowsOf(
    q,
    oversightRow,
    `SELECT DISTINCT ON (n.process_id) n.process_id, n.at, n.message,
         (SELECT e.process_type FROM process_events e WHERE e.process_id = n.process_id LIMIT 1) AS process_type,
         (SELECT json_agg(json_build_object('id', t.id, 'title_zh', t.title_zh, 'title_en', t.title_en, 'org_id', t.org_id, 'due_at', t.due_at) ORDER BY t.due_at)
            FROM tasks t WHERE t.process_id = n.process_id AND t.status = 'open' AND t.due_at < now()) AS overdue
       FROM notifications n WHERE n.org_id = $1 AND n.kind = 'escalation'
       ORDER BY n.process_id, n.at DESC`,
    [orgId],
  );
}
