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
import { defineRoute } from '../route';
import { idParams, langSchema, taskSchema, type Lang } from '../schemas';
import { inboxRows, taskById, taskToComplete, type TaskRow } from '../../store/tasks';

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
    const rows = await inboxRows(deps.db, org, query.status, query.processId ?? null, query.limit);
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
    const task = await taskById(deps.db, params.id);
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
    const task = await taskToComplete(deps.db, params.id, keyToRead(user, req));
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
