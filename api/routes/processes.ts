import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { definitionOfWorkflowType, processDefinitions } from '../../domain/processes';
import { PROCESS_TYPES } from '../../domain/names';
import { searchAttributes } from '../../domain/search-attributes';
import { inputSchemaOf } from '../action-schemas';
import { actorOf } from '../auth';
import { checkEligibility } from '../eligibility';
import { badRequest, conflict, forbidden, notFound, zodDetails } from '../errors';
import { defineRoute, type ApiDeps } from '../route';
import { idParams, langSchema, processSummarySchema } from '../schemas';
import { summarize } from '../timeline';

/** The API's status names and the visibility store's. */
const EXECUTION_STATUS = {
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  CANCELLED: 'Canceled',
  TERMINATED: 'Terminated',
  TIMED_OUT: 'TimedOut',
} as const;

function definitionOf(type: string) {
  const definition = processDefinitions[type as keyof typeof processDefinitions];
  if (!definition) throw notFound(`process type ${type} is not available`);
  return definition;
}

async function describeProcess(deps: ApiDeps, id: string) {
  const handle = deps.client.workflow.getHandle(id);
  const description = await handle.describe();
  const definition = definitionOfWorkflowType(description.type);
  if (!definition) throw notFound(`process ${id} not found`);
  return { handle, description, definition };
}

export const startProcess = defineRoute({
  method: 'post',
  path: '/api/processes/{type}',
  summary: 'Launches a process; a second start for the same business key is a 409 naming the running one',
  tag: 'Processes',
  params: z.object({ type: z.enum(PROCESS_TYPES) }),
  body: z.unknown(),
  status: 201,
  response: processSummarySchema,
  async handler({ params, body, user, deps, req }) {
    const definition = definitionOf(params.type);
    const { orgIds, role } = definition.launchedBy;
    if (!orgIds.includes(user.orgId) || !user.roles.includes(role)) {
      throw forbidden(`${definition.type} is launched by ${orgIds.join(' or ')} ${role}s`);
    }
    const parsed = definition.inputSchema.safeParse(body);
    if (!parsed.success) throw badRequest(`invalid ${definition.type} input`, zodDetails(parsed.error, 'body'));
    const input = parsed.data;
    await checkEligibility(deps, definition.type, input);
    // A launch sent again with the same Idempotency-Key (a retry after a 503 or a lost answer) names
    // the same process, so the engine refuses a second start and the retry learns which one it was.
    const key = req.header('idempotency-key');
    const nonce = key ? createHash('sha256').update(`${user.id}\n${key}`).digest('hex').slice(0, 6) : randomBytes(3).toString('hex');
    const id = definition.processId(input, nonce);
    const keyed = Boolean(key) && definition.processId(input, `${nonce}x`) !== id;
    const zone = definition.zoneCode(input);
    try {
      await deps.client.workflow.start(definition.workflowType, {
        workflowId: id,
        taskQueue: deps.taskQueue,
        args: [{ start: input, launchedBy: actorOf(user) }],
        workflowIdConflictPolicy: 'FAIL',
        // A business key may be used again once its process ended; a keyed id never is.
        workflowIdReusePolicy: keyed ? 'REJECT_DUPLICATE' : 'ALLOW_DUPLICATE',
        typedSearchAttributes: [
          { key: searchAttributes.processType, value: definition.type },
          { key: searchAttributes.stage, value: definition.stages[0] },
          ...(zone ? [{ key: searchAttributes.zoneCode, value: zone }] : []),
        ],
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        if (keyed) return { id, type: definition.type, status: 'RUNNING', stage: definition.stages[0] };
        throw conflict(`${definition.type} for ${zone ?? id} is already in progress: process ${id}`, { processId: id });
      }
      throw error;
    }
    return { id, type: definition.type, status: 'RUNNING', stage: definition.stages[0] };
  },
});

export const listProcesses = defineRoute({
  method: 'get',
  path: '/api/processes',
  summary: 'Processes, newest first, by type, status, zone and awaited organisation',
  tag: 'Processes',
  query: z.object({
    type: z.enum(PROCESS_TYPES).optional(),
    status: z.enum(Object.keys(EXECUTION_STATUS) as [keyof typeof EXECUTION_STATUS]).optional(),
    zone: z.string().regex(/^\d{6}$/).optional(),
    org: z.string().regex(/^[a-z0-9-]+$/).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  response: z.object({ items: z.array(processSummarySchema.extend({ zone: z.string().nullable(), startedAt: z.string() })) }),
  async handler({ query, deps }) {
    const clauses = [`${searchAttributes.processType.name} IS NOT NULL`];
    if (query.type) clauses.push(`${searchAttributes.processType.name} = '${query.type}'`);
    if (query.zone) clauses.push(`${searchAttributes.zoneCode.name} = '${query.zone}'`);
    if (query.org) clauses.push(`${searchAttributes.awaitingOrgs.name} = '${query.org}'`);
    if (query.status) clauses.push(`ExecutionStatus = '${EXECUTION_STATUS[query.status]}'`);
    const items = [];
    for await (const execution of deps.client.workflow.list({ query: clauses.join(' AND ') })) {
      const attributes = execution.typedSearchAttributes;
      items.push({
        id: execution.workflowId,
        type: attributes.get(searchAttributes.processType) ?? execution.type,
        status: execution.status.name,
        stage: attributes.get(searchAttributes.stage) ?? '',
        zone: attributes.get(searchAttributes.zoneCode) ?? null,
        startedAt: execution.startTime.toISOString(),
      });
      if (items.length >= query.limit) break;
    }
    return { items };
  },
});

const processDetailSchema = processSummarySchema.extend({
  data: z.record(z.string(), z.unknown()),
  openTasks: z.array(z.record(z.string(), z.unknown())),
  deadlines: z.array(z.record(z.string(), z.unknown())),
  availableActions: z.array(z.object({ name: z.string(), title: z.string(), inputSchema: z.record(z.string(), z.unknown()) })),
  history: z.object({ events: z.number().int(), runId: z.string() }),
});

export const getProcess = defineRoute({
  method: 'get',
  path: '/api/processes/{id}',
  summary: 'A process: stage, data, open tasks, deadlines and the actions the caller may start',
  tag: 'Processes',
  params: idParams,
  query: z.object({ lang: langSchema }),
  response: processDetailSchema,
  async handler({ params, query, user, deps }) {
    const { handle, description, definition } = await describeProcess(deps, params.id);
    const { stage, openTasks, deadlines, ...data } = (await handle.query('state')) as Record<string, unknown> & {
      stage: string;
      openTasks: Record<string, unknown>[];
      deadlines: Record<string, unknown>[];
    };
    const availableActions = definition.processActions
      .map((name) => definition.actions[name])
      .filter((action) => user.roles.includes(action.role))
      .map((action) => ({ name: action.name, title: action.title[query.lang], inputSchema: inputSchemaOf(action.name) }));
    return {
      id: params.id,
      type: definition.type,
      status: description.status.name,
      stage,
      data,
      openTasks,
      deadlines,
      availableActions,
      history: { events: description.historyLength, runId: description.runId },
    };
  },
});

export const startProcessAction = defineRoute({
  method: 'post',
  path: '/api/processes/{id}/actions/{action}',
  summary: 'Starts an action that no task stands for (amendment, suspension, termination…)',
  tag: 'Processes',
  params: z.object({ id: z.string().min(1).max(200), action: z.string().min(1).max(100) }),
  body: z.unknown(),
  response: z.object({ processId: z.string(), state: z.record(z.string(), z.unknown()) }),
  async handler({ params, body, user, deps, req }) {
    const { handle, definition, description } = await describeProcess(deps, params.id);
    if (!definition.processActions.includes(params.action)) throw notFound(`${definition.type} has no action ${params.action}`);
    if (description.status.name !== 'RUNNING') throw conflict(`process ${params.id} has ended (${description.status.name})`);
    const action = definition.actions[params.action];
    if (!user.roles.includes(action.role)) throw forbidden(`${action.name} needs the ${action.role} role`);
    const payload = action.schema.safeParse(body);
    if (!payload.success) throw badRequest(`invalid ${action.name} payload`, zodDetails(payload.error, 'body'));
    const requestId = req.header('idempotency-key') ?? randomUUID();
    const state = await handle.executeUpdate(action.name, {
      args: [{ actor: actorOf(user), requestId, payload: payload.data }],
      updateId: requestId,
    });
    return { processId: params.id, state };
  },
});

export const getTimeline = defineRoute({
  method: 'get',
  path: '/api/processes/{id}/timeline',
  summary: 'Who did what and when, in Chinese or English, across every run of the process',
  tag: 'Processes',
  params: idParams,
  query: z.object({ lang: langSchema }),
  response: z.array(
    z.object({
      at: z.string(),
      kind: z.string(),
      actor: z.object({ userId: z.string(), orgId: z.string() }).nullable(),
      action: z.string(),
      summary: z.string(),
    }),
  ),
  async handler({ params, query, deps }) {
    await describeProcess(deps, params.id);
    const rows = await deps.db.query<{ at: Date | string; kind: string; actor: { userId: string; orgId: string } | null; data: Record<string, unknown> }>(
      `SELECT e.at, e.kind, e.actor, e.data FROM process_events e
       WHERE e.process_id = $1 AND e.chain_id = (
         SELECT chain_id FROM process_events WHERE process_id = $1 ORDER BY at DESC LIMIT 1)
       ORDER BY e.seq`,
      [params.id],
    );
    return rows.map((row) => ({
      at: new Date(row.at).toISOString(),
      kind: row.kind,
      actor: row.actor ? { userId: row.actor.userId, orgId: row.actor.orgId } : null,
      action: row.kind,
      summary: summarize(row.kind, row.data, query.lang),
    }));
  },
});

export const listProcessTypes = defineRoute({
  method: 'get',
  path: '/api/process-types',
  summary: 'The process types: launch form, who may launch, and the stage graph the diagram is drawn from',
  tag: 'Processes',
  query: z.object({ lang: langSchema }),
  response: z.array(
    z.object({
      type: z.string(),
      title: z.string(),
      launchable: z.boolean(),
      inputSchema: z.record(z.string(), z.unknown()),
      stages: z.array(z.object({ name: z.string(), label: z.string() })),
      transitions: z.array(z.tuple([z.string(), z.string()])),
    }),
  ),
  async handler({ query, user }) {
    return Object.values(processDefinitions).map((definition) => ({
      type: definition!.type,
      title: definition!.title[query.lang],
      launchable: definition!.launchedBy.orgIds.includes(user.orgId) && user.roles.includes(definition!.launchedBy.role),
      inputSchema: z.toJSONSchema(definition!.inputSchema, { io: 'input' }) as Record<string, unknown>,
      stages: definition!.stages.map((name) => ({ name, label: definition!.stageLabels[name][query.lang] })),
      transitions: definition!.transitions.map(([from, to]) => [from, to] as [string, string]),
    }));
  },
});
