import { z } from 'zod';
import { allActions } from '../../domain/processes';
import { checkActionAgainstRecords } from '../action-checks';
import { parseActionPayload, runAction } from '../run-action';
import { inputSchemaOf } from '../action-schemas';
import { allowsAction, requireActionRule, requireOrgReader, requireSigner } from '../access';
import { hasIdempotencyKey, idempotencyOf, keyToRead } from '../idempotency';
import { actorOf, type User } from '../auth';
import { refused } from '../errors';
import { variantsOf } from '../openapi';
import { defineRoute, type ApiDeps } from '../route';
import { idParams, langSchema, taskSchema, type Lang } from '../schemas';

interface TaskRow {
  id: string;
  process_id: string;
  process_type: string;
  action: string;
  org_id: string;
  role: string;
  title_zh: string;
  title_en: string;
  status: 'open' | 'done' | 'cancelled';
  due_at: Date | string | null;
  context: Record<string, unknown>;
  opened_at: Date | string;
  sent_by: { userId: string; orgId: string } | null;
}

// Who sent a task: the last person to act on its process before it opened (the launch, a draft, a return).
const SENT_BY = `(SELECT e.actor FROM process_events e
  WHERE e.process_id = tasks.process_id AND e.actor IS NOT NULL AND e.at <= tasks.opened_at
  ORDER BY e.at DESC, e.seq DESC LIMIT 1) AS sent_by`;
const TASK_COLUMNS = `id, process_id, process_type, action, org_id, role, title_zh, title_en, status, due_at, context, opened_at, ${SENT_BY}`;

function toTask(row: TaskRow, lang: Lang, user: User, now = Date.now()) {
  const dueAt = row.due_at === null ? null : new Date(row.due_at).toISOString();
  return {
    id: row.id,
    processId: row.process_id,
    processType: row.process_type,
    action: row.action,
    orgId: row.org_id,
    role: row.role,
    title: lang === 'en' ? row.title_en : row.title_zh,
    status: row.status,
    dueAt,
    overdue: row.status === 'open' && dueAt !== null && Date.parse(dueAt) < now,
    openedAt: new Date(row.opened_at).toISOString(),
    sentBy: row.sent_by ? { userId: row.sent_by.userId, orgId: row.sent_by.orgId } : null,
    context: row.context,
    inputSchema: inputSchemaOf(row.action),
    // The decisions that sign: the console offers them to leaders only.
    signs: [...(allActions[row.action]?.signs ?? [])],
    // An admin or auditor reads the organisation's inbox; only those the action's rule names complete a task.
    mayComplete: allowsAction(user, row.action, completionFacts(row)),
  };
}

/** What the completion's access check knows of a task: the same facts for the check and for `mayComplete`. */
const completionFacts = (row: Pick<TaskRow, 'org_id'>) => ({ taskOrgId: row.org_id });

/**
 * What a completion reads of its task, and in the same round trip the first request its
 * Idempotency-Key was bound to (none without a key): no `sent_by` (a search of the process's events
 * that only the inbox shows).
 */
async function taskToComplete(deps: ApiDeps, id: string, key: { userId: string; key: string } | undefined) {
  const [row] = await deps.db.query<
    Pick<TaskRow, 'id' | 'process_id' | 'action' | 'org_id' | 'status' | 'context'> & { first_request: string | null }
  >(
    `SELECT id, process_id, action, org_id, status, context,
       (SELECT request FROM idempotency_keys WHERE user_id = $2 AND key = $3) AS first_request
     FROM tasks WHERE id = $1`,
    [id, key?.userId ?? null, key?.key ?? null],
  );
  return row;
}

export async function findTask(deps: ApiDeps, id: string): Promise<TaskRow | undefined> {
  const [row] = await deps.db.query<TaskRow>(`SELECT ${TASK_COLUMNS} FROM tasks WHERE id = $1`, [id]);
  return row;
}

export const listTasks = defineRoute({
  method: 'get',
  path: '/api/tasks',
  summary: "The caller's organisation's tasks; admins and auditors may name another organisation",
  tag: 'Tasks',
  query: z.object({
    status: z.enum(['open', 'done']).default('open'),
    org: z.string().min(1).optional(),
    processId: z.string().min(1).optional(),
    lang: langSchema,
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  response: z.object({ items: z.array(taskSchema) }),
  async handler({ query, user, deps }) {
    const org = query.org ?? user.orgId;
    requireOrgReader(user, org, `the inbox of ${org}`);
    // One status, written out, lets the planner read tasks_inbox_order in its order and stop at the
    // limit; a list of statuses (or a parameter) makes it sort the organisation's every task.
    const status = query.status === 'open' ? `status = 'open'` : `status IN ('done', 'cancelled')`;
    const rows = await deps.db.query<TaskRow>(
      `SELECT ${TASK_COLUMNS} FROM tasks
       WHERE org_id = $1 AND ${status} AND ($2::text IS NULL OR process_id = $2)
       ORDER BY due_at ASC NULLS LAST, opened_at DESC LIMIT $3`,
      [org, query.processId ?? null, query.limit],
    );
    return { items: rows.map((row) => toTask(row, query.lang, user)) };
  },
});

export const getTask = defineRoute({
  method: 'get',
  path: '/api/tasks/{id}',
  summary: "One task of the caller's organisation (any task for admins and auditors)",
  tag: 'Tasks',
  params: idParams,
  query: z.object({ lang: langSchema }),
  response: taskSchema,
  async handler({ params, query, user, deps }) {
    const task = await findTask(deps, params.id);
    if (!task) throw refused('TASK_NOT_FOUND', { taskId: params.id });
    requireOrgReader(user, task.org_id, `task ${task.id}`);
    return toTask(task, query.lang, user);
  },
});

export const completeTask = defineRoute({
  method: 'post',
  path: '/api/tasks/{id}/complete',
  summary: "Completes a task with its action's payload; returns the process's new state",
  tag: 'Tasks',
  params: idParams,
  // The task's action chooses the schema.
  body: z.unknown(),
  documentedBody: () => variantsOf(Object.keys(allActions), (action) => allActions[action].schema),
  response: z.object({ processId: z.string(), state: z.record(z.string(), z.unknown()) }),
  async handler({ params, body, user, deps, req }) {
    const task = await taskToComplete(deps, params.id, keyToRead(user, req));
    if (!task) throw refused('TASK_NOT_FOUND', { taskId: params.id });
    requireActionRule(user, task.action, completionFacts(task));
    // A repeated request (same key) goes to the workflow, which answers it with the first result.
    if (task.status !== 'open' && !hasIdempotencyKey(req)) throw refused('TASK_NOT_OPEN', { taskId: task.id, status: task.status });
    const action = allActions[task.action];
    const payload = parseActionPayload(action, body);
    requireSigner(user, task.action, payload);
    const { requestId, binding } = await idempotencyOf(deps.db, user, req, body, { firstRequest: task.first_request });
    await checkActionAgainstRecords(deps, task.action, task.context, task.process_id, payload);
    const handle = deps.client.workflow.getHandle(task.process_id);
    const state = await runAction(handle, action, { actor: actorOf(user), taskId: task.id, requestId, payload }, deps.db, binding);
    return { processId: task.process_id, state };
  },
});
