/**
 * The task ledger as the API reads it: an organisation's inbox, one task (with who sent it), a task
 * to complete with its Idempotency-Key's first request, the open announcement task an agreement's
 * check reads. Rows are parsed, not cast.
 */
import { z } from 'zod';
import type { Queryable } from './db';
import { firstOf, instant, rowsOf } from './rows';

const taskRow = z.object({
  id: z.string(),
  process_id: z.string(),
  process_type: z.string(),
  action: z.string(),
  org_id: z.string(),
  role: z.string(),
  title_zh: z.string(),
  title_en: z.string(),
  status: z.enum(['open', 'done', 'cancelled']),
  due_at: instant.nullable(),
  context: z.record(z.string(), z.unknown()),
  opened_at: instant,
  sent_by: z.object({ userId: z.string(), orgId: z.string() }).nullable(),
});
export type TaskRow = z.infer<typeof taskRow>;

// Who sent a task: the last person to act on its process before it opened (the launch, a draft, a return).
const SENT_BY = `(SELECT e.actor FROM process_events e
  WHERE e.process_id = tasks.process_id AND e.actor IS NOT NULL AND e.at <= tasks.opened_at
  ORDER BY e.at DESC, e.seq DESC LIMIT 1) AS sent_by`;
const TASK_COLUMNS = `id, process_id, process_type, action, org_id, role, title_zh, title_en, status, due_at, context, opened_at, ${SENT_BY}`;

/** One task with who sent it; null when there is no such task. */
export function taskById(q: Queryable, id: string): Promise<TaskRow | null> {
  return firstOf(q, taskRow, `SELECT ${TASK_COLUMNS} FROM tasks WHERE id = $1`, [id]);
}

/**
 * An organisation's open tasks (or its done and cancelled ones), of one process when named, of the
 * named actions when `actions` is a list (all when null): soonest due first.
 */
export function inboxRows(
  q: Queryable,
  orgId: string,
  which: 'open' | 'done',
  processId: string | null,
  limit: number,
  actions: readonly string[] | null = null,
): Promise<TaskRow[]> {
  // One status, written out, lets the planner read tasks_inbox_order in its order and stop at the
  // limit; a list of statuses (or a parameter) makes it sort the organisation's every task.
  const status = which === 'open' ? `status = 'open'` : `status IN ('done', 'cancelled')`;
  return rowsOf(
    q,
    taskRow,
    `SELECT ${TASK_COLUMNS} FROM tasks
       WHERE org_id = $1 AND ${status} AND ($2::text IS NULL OR process_id = $2)
         AND ($4::text[] IS NULL OR action = ANY($4::text[]))
       ORDER BY due_at ASC NULLS LAST, opened_at DESC LIMIT $3`,
    [orgId, processId, limit, actions === null ? null : [...actions]],
  );
}

const toCompleteRow = taskRow
  .pick({ id: true, process_id: true, action: true, org_id: true, status: true, context: true })
  .extend({ first_request: z.string().nullable() });

/**
 * What a completion reads of its task, and in the same round trip the first request its
 * Idempotency-Key was bound to (none without a key): no `sent_by` (a search of the process's events
 * that only the inbox shows). Null when there is no such task.
 */
export function taskToComplete(q: Queryable, id: string, key: { userId: string; key: string } | undefined) {
  return firstOf(
    q,
    toCompleteRow,
    `SELECT id, process_id, action, org_id, status, context,
       (SELECT request FROM idempotency_keys WHERE user_id = $2 AND key = $3) AS first_request
     FROM tasks WHERE id = $1`,
    [id, key?.userId ?? null, key?.key ?? null],
  );
}

/** A process's open announcement task (opened when both parties signed, due by the period's end); null when none is open. */
export function openAnnouncementTask(q: Queryable, processId: string) {
  return firstOf(
    q,
    z.object({ opened_at: instant, due_at: instant.nullable() }),
    `SELECT opened_at, due_at FROM tasks WHERE process_id = $1 AND action = 'announceAgreement' AND status = 'open'`,
    [processId],
  );
}
