import { z } from 'zod';
import { allActions } from '../../domain/processes';
import { checkActionAgainstRecords } from '../action-checks';
import { parseActionPayload, runAction } from '../run-action';
import { inputSchemaOf } from '../action-schemas';
import { actionsAllowed, allowsAction, requireActionRule, requireOrgReader, requireOverseer, requireSigner } from '../access';
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
    // Always true in the caller's own inbox; in the oversight view, false for the tasks others complete.
    mayComplete: allowsAction(user, row.action, completionFacts(row)),
  };
}

/**
 * What the completion's access check knows of a task: the same facts for the check, for `mayComplete`
 * and for the inbox's choice of tasks. Only the organisation, so an inbox (one organisation's tasks)
 * can ask which actions the caller may complete before it reads a row; a fact added here must be
 * added to that choice too (the type of `row` makes the inbox's call fail to compile until it is).
 */
const completionFacts = (row: Pick<TaskRow, 'org_id'>) => ({ taskOrgId: row.org_id });

export const listTasks = defineRoute({
  method: 'get',
  path: '/api/tasks',
  summary:
    "The tasks the caller may complete (view=mine); an organisation's every task for its admins and auditors (view=oversight), each with mayComplete",
  tag: 'Tasks',
  query: z.object({
    status: z.enum(['open', 'done']).default('open'),
    org: z.string().min(1).optional(),
    processId: z.string().min(1).optional(),
    // mine: the caller's to do (a clerk's 待办); oversight: the organisation's whole inbox (督查), admins and auditors only.
    view: z.enum(['mine', 'oversight']).default('mine'),
    lang: langSchema,
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  response: z.object({ items: z.array(taskSchema) }),
  async handler({ query, user, deps }) {
    const org = query.org ?? user.orgId;
    if (query.view === 'oversight') requireOverseer(user);
    requireOrgReader(user, org, `the inbox of ${org}`);
    // The caller's own inbox holds what the completion's check would let them complete, chosen in the
    // query so that the limit counts only those.
    const actions = query.view === 'mine' ? actionsAllowed(user, completionFacts({ org_id: org })) : null;
    // An auditor's, or another organisation's reader's: nothing to complete, so no scan of the inbox for none.
    if (actions?.length === 0) return { items: [] };
    const rows = await inboxRows(deps.db, org, query.status, query.processId ?? null, query.limit, actions);
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
