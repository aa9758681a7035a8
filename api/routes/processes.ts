import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { forReader } from '../../domain/personal-data';
import { openedTaskSchema, processDetailSchema, processViewSchema } from '../../domain/process-view';
import { stateQuery } from '../../domain/state-query';
import { idempotencyOf } from '../idempotency';
import { startOpened } from '../launch';
import type { Opened } from '../../domain/actions';
import { WorkflowExecutionAlreadyStartedError, type WorkflowExecutionDescription } from '@temporalio/client';
import { allActions, definitionOfWorkflowType, mayLaunch, processDefinitions } from '../../domain/processes';
import { PROCESS_TYPES } from '../../domain/names';
import { searchAttributes } from '../../domain/search-attributes';
import { stageNow } from '../../domain/stage-names';
import { allowsAction, requireActionRule, requireProcessReader, requireSigner } from '../access';
import { inputSchemaOf } from '../action-schemas';
import { actorOf, type User } from '../auth';
import { checkEligibility, completeInput } from '../eligibility';
import { parseActionPayload, runAction } from '../run-action';
import { invalidInput, refused } from '../errors';
import { variantsOf } from '../openapi';
import { defineRoute, type ApiDeps } from '../route';
import { idParams, langSchema, processSummarySchema } from '../schemas';
import { excluded, searchQuerySchema, visibilityQuery } from '../search';
import { processTimeline, timelineEntrySchema } from '../process-timeline';
import { processDocuments } from '../../store/documents';
import { handlingOrgRows } from '../../store/process-parties';
import { withRefusalWords } from '../registration-refusal-words';

function definitionOf(type: string) {
  const definition = processDefinitions[type as keyof typeof processDefinitions];
  if (!definition) throw refused('PROCESS_TYPE_UNKNOWN', { type });
  return definition;
}

async function describeProcess(deps: ApiDeps, id: string) {
  const handle = deps.client.workflow.getHandle(id);
  const description = await handle.describe();
  const definition = definitionOfWorkflowType(description.type);
  if (!definition) throw refused('PROCESS_NOT_FOUND', { processId: id });
  const zoneCode = description.typedSearchAttributes.get(searchAttributes.zoneCode) ?? null;
  // The launching organisation, noted at the start (processes started before it was noted have none).
  const launchedBy = typeof description.memo?.launchedBy === 'string' ? description.memo.launchedBy : null;
  return { handle, description, definition, zoneCode, launchedBy };
}

/** The chain's first run: the id process_events are kept under, across continue-as-new. */
export const chainIdOf = (description: WorkflowExecutionDescription) =>
  description.raw.workflowExecutionInfo?.firstRunId || description.runId;

/** A process the caller's organisation may read (api/access.ts), described. */
export async function readableProcess(deps: ApiDeps, user: User, id: string) {
  const described = await describeProcess(deps, id);
  await requireProcessReader(deps, user, id, described.zoneCode, described.launchedBy);
  return described;
}

export const startProcess = defineRoute({
  method: 'post',
  path: '/api/processes/{type}',
  summary:
    'Launches a process and answers the tasks its first step opened (when written within seconds); a second start for the same business key is a 409 naming the running one',
  tag: 'Processes',
  params: z.object({ type: z.enum(PROCESS_TYPES) }),
  body: z.unknown(),
  documentedBody: () => variantsOf(PROCESS_TYPES, (type) => definitionOf(type).inputSchema),
  status: 201,
  response: processSummarySchema.extend({
    /** The tasks the run's first step opened, when it was written within the launch's wait (api/launch.ts). */
    openTasks: z.array(openedTaskSchema).optional(),
  }),
  async handler({ params, body, user, deps, req }) {
    const definition = definitionOf(params.type);
    if (!mayLaunch(definition, user.orgId, user.roles)) {
      const { orgIds, countyOrgKinds = [], role } = definition.launchedBy;
      const orgs = [...orgIds, ...countyOrgKinds.map((kind) => `${kind}-<county>`)];
      throw refused('LAUNCH_NOT_ALLOWED', { type: definition.type, orgs, role });
    }
    const parsed = definition.inputSchema.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'body', `${definition.type} input`);
    await checkEligibility(deps, definition.type, parsed.data, user);
    const input = completeInput(definition.type, parsed.data as Record<string, unknown>) as typeof parsed.data;
    // A launch sent again with the same Idempotency-Key (a retry after a 503 or a lost answer) names
    // the same process, so the engine refuses a second start and the retry learns which one it was.
    const key = req.header('idempotency-key');
    // Bound to this launch: the same key with another launch is a 422, not the first one's answer.
    const { bind } = await idempotencyOf(deps.db, user, req, body);
    const nonce = key ? createHash('sha256').update(`${user.id}\n${key}`).digest('hex').slice(0, 6) : randomBytes(3).toString('hex');
    const id = definition.processId(input, nonce);
    const keyed = Boolean(key) && definition.processId(input, `${nonce}x`) !== id;
    const zone = definition.zoneCode(input);
    let opened: Opened | undefined;
    try {
      opened = await startOpened(deps.client, definition.workflowType, {
        workflowId: id,
        taskQueue: deps.taskQueue,
        args: [{ start: input, launchedBy: actorOf(user) }],
        workflowIdConflictPolicy: 'FAIL',
        // Who launched it, for the API's access rule: read by no workflow code.
        memo: { launchedBy: user.orgId },
        // A business key may be used again once its process ended. A keyed id is used again only by a
        // retry of its launch whose first run failed or was terminated (an engine that abandoned the
        // start); once its process completed, never.
        workflowIdReusePolicy: keyed ? 'ALLOW_DUPLICATE_FAILED_ONLY' : 'ALLOW_DUPLICATE',
        typedSearchAttributes: [
          { key: searchAttributes.processType, value: definition.type },
          { key: searchAttributes.stage, value: definition.stages[0] },
          ...(zone ? [{ key: searchAttributes.zoneCode, value: zone }] : []),
          ...(definition.entityUscc?.(input) ? [{ key: searchAttributes.entityUscc, value: definition.entityUscc(input)! }] : []),
        ],
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        if (keyed) {
          // A retry of the launch: the first attempt's process, as it stands now.
          const now = await deps.client.workflow.getHandle(id).describe();
          const stage = now.typedSearchAttributes.get(searchAttributes.stage) ?? definition.stages[0];
          return { id, type: definition.type, status: now.status.name, stage: stageNow(definition.type, stage) };
        }
        const key = definition.entityUscc?.(input) ?? zone ?? id;
        throw refused('ALREADY_IN_PROGRESS', { type: definition.type, key, processId: id }, undefined, { processId: id });
      }
      throw error;
    }
    await bind();
    if (!opened) return { id, type: definition.type, status: 'RUNNING', stage: definition.stages[0] };
    return { id, type: definition.type, status: 'RUNNING', stage: opened.stage, openTasks: opened.openTasks };
  },
});

export const listProcesses = defineRoute({
  method: 'get',
  path: '/api/processes',
  summary:
    'Processes the caller may read, newest first: by type, status, stage, zone, entity (USCC), awaited organisation, overdue, start date (startedFrom/startedTo, days in China) and free text (q)',
  tag: 'Processes',
  query: searchQuerySchema,
  response: z.object({
    items: z.array(
      processSummarySchema.extend({
        zone: z.string().nullable(),
        entity: z.string().nullable(),
        awaiting: z.array(z.string()),
        startedAt: z.string(),
        closedAt: z.string().nullable(),
      }),
    ),
  }),
  async handler({ query, user, deps }) {
    const visibility = await visibilityQuery(deps, user, query);
    if (visibility === null) return { items: [] };
    // A process id reused after its process ended lists its newest chain only.
    const leaveOut = await excluded(deps, query);
    const items = [];
    for await (const execution of deps.client.workflow.list({ query: visibility })) {
      if (leaveOut.has(execution.workflowId)) continue;
      leaveOut.add(execution.workflowId);
      const attributes = execution.typedSearchAttributes;
      const type = attributes.get(searchAttributes.processType) ?? execution.type;
      items.push({
        id: execution.workflowId,
        type,
        status: execution.status.name,
        // A process that has not moved since its stage was renamed may still say the earlier name.
        stage: stageNow(type, attributes.get(searchAttributes.stage) ?? ''),
        zone: attributes.get(searchAttributes.zoneCode) ?? null,
        entity: attributes.get(searchAttributes.entityUscc) ?? null,
        awaiting: attributes.get(searchAttributes.awaitingOrgs) ?? [],
        startedAt: execution.startTime.toISOString(),
        closedAt: execution.closeTime?.toISOString() ?? null,
      });
      if (items.length >= query.limit) break;
    }
    return { items };
  },
});

export const getProcess = defineRoute({
  method: 'get',
  path: '/api/processes/{id}',
  summary: 'A process: stage, data, open tasks, deadlines, the actions it accepts now and those of them the caller may start',
  tag: 'Processes',
  params: idParams,
  query: z.object({ lang: langSchema }),
  response: processDetailSchema,
  async handler({ params, query, user, deps }) {
    const { handle, description, definition, zoneCode } = await readableProcess(deps, user, params.id);
    // Parsed, not cast: a view that broke the contract is found here, not in the console.
    const { stage, openTasks, deadlines, acceptedActions, ...data } = processViewSchema.parse(await handle.query(stateQuery));
    // Offered: what the process accepts now (its own checks), of what this reader may start.
    const availableActions = definition.processActions
      .filter((name) => acceptedActions.includes(name))
      .map((name) => definition.actions[name])
      .filter((action) => allowsAction(user, action.name, { zoneCode }))
      .map((action) => ({ name: action.name, title: action.title[query.lang], inputSchema: inputSchemaOf(action.name) }));
    // Personal data in full for the organisations that handle (or handled) a step of it, and auditors.
    const handling = await handlingOrgRows(deps.db, params.id);
    return {
      id: params.id,
      type: definition.type,
      status: description.status.name,
      stage,
      data: forReader(
        definition.type === 'entity-registration' ? withRefusalWords(data, query.lang) : data,
        user,
        handling.map((row) => row.org_id),
      ),
      openTasks,
      deadlines,
      acceptedActions,
      availableActions,
      history: { events: description.historyLength, runId: description.runId },
      documents: (await processDocuments(deps.db, params.id)).map(({ number, kind, title, issuedAt, n, signedBy }) => ({
        number,
        kind,
        title,
        issuedAt,
        n,
        signedBy,
      })),
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
  documentedBody: () => variantsOf(Object.keys(allActions), (action) => allActions[action].schema),
  response: z.object({ processId: z.string(), state: z.record(z.string(), z.unknown()) }),
  async handler({ params, body, user, deps, req }) {
    const { handle, definition, description, zoneCode } = await describeProcess(deps, params.id);
    if (!definition.processActions.includes(params.action))
      throw refused('ACTION_UNKNOWN', { type: definition.type, action: params.action }, 'params.action');
    if (description.status.name !== 'RUNNING')
      throw refused('PROCESS_ENDED', { processId: params.id, status: description.status.name ?? 'UNKNOWN' });
    const action = definition.actions[params.action];
    requireActionRule(user, action.name, { zoneCode });
    const payload = parseActionPayload(action, body);
    requireSigner(user, action.name, payload);
    const { requestId, binding } = await idempotencyOf(deps.db, user, req, body);
    const state = await runAction(handle, action, { actor: actorOf(user), requestId, payload }, deps.db, binding);
    return { processId: params.id, state };
  },
});

export const getTimeline = defineRoute({
  method: 'get',
  path: '/api/processes/{id}/timeline',
  summary:
    'Who did what and when across every run of the process, in Chinese or English: decisions with their payload in words and authority, deadlines, reminders, escalations, retries, failures, continue-as-new',
  tag: 'Processes',
  params: idParams,
  query: z.object({ lang: langSchema }),
  response: z.array(timelineEntrySchema),
  async handler({ params, query, user, deps }) {
    const { description } = await readableProcess(deps, user, params.id);
    return (await processTimeline(deps, params.id, description.runId, chainIdOf(description), query.lang, user)).entries;
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
      launchable: mayLaunch(definition!, user.orgId, user.roles),
      inputSchema: z.toJSONSchema(definition!.inputSchema, { io: 'input' }) as Record<string, unknown>,
      stages: definition!.stages.map((name) => ({ name, label: definition!.stageLabels[name][query.lang] })),
      transitions: definition!.transitions.map(([from, to]) => [from, to] as [string, string]),
    }));
  },
});
