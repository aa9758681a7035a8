import { z } from 'zod';
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS } from '../../domain/notifications';
import { processDefinitions } from '../../domain/processes';
import type { ProcessType } from '../../domain/names';
import {
  escalationRows,
  markRead,
  notificationById,
  notificationOrg,
  notificationRows,
  unreadCount,
  type NotificationRow,
} from '../../store/notifications';
import { requireOrgReader } from '../access';
import { refused } from '../errors';
import { defineRoute } from '../route';
import { langSchema, type Lang } from '../schemas';

const deliverySchema = z.object({
  channel: z.string(),
  target: z.string(),
  status: z.enum(['PENDING', 'SENT', 'FAILED']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
});

const notificationSchema = z.object({
  id: z.string(),
  processId: z.string(),
  processType: z.string().nullable(),
  processTitle: z.string(),
  orgId: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  kindLabel: z.string(),
  message: z.string(),
  at: z.string(),
  readAt: z.string().nullable(),
  readBy: z.string().nullable(),
  /** Where the notification went besides the console, and how far it got. */
  deliveries: z.array(deliverySchema),
});

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const processTitle = (type: string | null, lang: Lang) => (type && processDefinitions[type as ProcessType]?.title[lang]) || '';

function toNotification(row: NotificationRow, lang: Lang) {
  return {
    id: String(row.id),
    processId: row.process_id,
    processType: row.process_type,
    processTitle: processTitle(row.process_type, lang),
    orgId: row.org_id,
    kind: row.kind,
    kindLabel: NOTIFICATION_KIND_LABELS[row.kind][lang],
    message: row.message,
    at: iso(row.at)!,
    readAt: iso(row.read_at),
    readBy: row.read_by,
    deliveries: (row.deliveries ?? []).map((d) => ({
      channel: d.channel,
      target: d.target,
      status: d.status,
      attempts: d.attempts,
      lastError: d.last_error,
      sentAt: iso(d.sent_at),
    })),
  };
}

export const listNotifications = defineRoute({
  method: 'get',
  path: '/api/notifications',
  summary: "The caller's organisation's notifications (reminders, escalations, new tasks), newest first, with the unread count",
  tag: 'Notifications',
  query: z.object({
    org: z.string().min(1).optional(),
    unread: z.enum(['true', 'false']).optional(),
    lang: langSchema,
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
  response: z.object({ unread: z.number(), items: z.array(notificationSchema) }),
  async handler({ query, user, deps }) {
    const org = query.org ?? user.orgId;
    requireOrgReader(user, org, `the notifications of ${org}`);
    const rows = await notificationRows(deps.db, org, query.unread === 'true', query.limit);
    const unread = await unreadCount(deps.db, org);
    return { unread, items: rows.map((row) => toNotification(row, query.lang)) };
  },
});

export const markNotificationRead = defineRoute({
  method: 'post',
  path: '/api/notifications/{id}/read',
  summary: "Marks one of the caller's organisation's notifications read (once: a second time keeps the first reader)",
  tag: 'Notifications',
  params: z.object({ id: z.string().regex(/^\d{1,18}$/, 'a notification number') }),
  query: z.object({ lang: langSchema }),
  response: notificationSchema,
  async handler({ params, query, user, deps, req }) {
    const orgId = await notificationOrg(deps.db, params.id);
    if (!orgId) throw refused('NOTIFICATION_NOT_FOUND', { notificationId: params.id }, 'params.id');
    // Read by its organisation's people: another organisation's reader would mark it read for them.
    if (orgId !== user.orgId)
      throw refused('NOTIFICATION_NOT_YOURS', { notificationId: params.id, orgId, userOrgId: user.orgId }, 'params.id');
    // Nothing to say but that it was read: a body is a mistaken call (after the caller is known to be allowed).
    const body: unknown = req.body;
    if (body && typeof body === 'object' && Object.keys(body).length)
      throw refused('BODY_NOT_TAKEN', { fields: Object.keys(body).map((key) => `body.${key}`) });
    await markRead(deps.db, params.id, user.username);
    const row = await notificationById(deps.db, params.id);
    return toNotification(row!, query.lang);
  },
});

const oversightItemSchema = z.object({
  processId: z.string(),
  processType: z.string().nullable(),
  processTitle: z.string(),
  escalatedAt: z.string(),
  message: z.string(),
  /** The process's open tasks past their due time, whoever holds them. */
  overdueTasks: z.array(z.object({ id: z.string(), title: z.string(), orgId: z.string(), dueAt: z.string() })),
  /** Nothing of the process is overdue any more: kept on the list, below the open ones. */
  settled: z.boolean(),
});

/**
 * 督办: the processes escalated to an organisation, each with what is still overdue in it. The
 * escalations are the organisation's notifications of that kind; the overdue tasks come from the ledger.
 */
export const listOversight = defineRoute({
  method: 'get',
  path: '/api/oversight',
  summary: "督办: the processes escalated to the caller's organisation, with their overdue tasks, unsettled first",
  tag: 'Notifications',
  query: z.object({ org: z.string().min(1).optional(), lang: langSchema }),
  response: z.object({ items: z.array(oversightItemSchema) }),
  async handler({ query, user, deps }) {
    const org = query.org ?? user.orgId;
    requireOrgReader(user, org, `the oversight list of ${org}`);
    const rows = await escalationRows(deps.db, org);
    const items = rows.map((row) => {
      const overdueTasks = (row.overdue ?? []).map((t) => ({
        id: t.id,
        title: query.lang === 'en' ? t.title_en : t.title_zh,
        orgId: t.org_id,
        dueAt: iso(t.due_at)!,
      }));
      return {
        processId: row.process_id,
        processType: row.process_type,
        processTitle: processTitle(row.process_type, query.lang),
        escalatedAt: iso(row.at)!,
        message: row.message,
        overdueTasks,
        settled: overdueTasks.length === 0,
      };
    });
    items.sort((a, b) => Number(a.settled) - Number(b.settled) || b.escalatedAt.localeCompare(a.escalatedAt));
    return { items };
  },
});
