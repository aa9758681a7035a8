/** Human steps as Updates: validators that refuse without a trace, handlers that decide then write. */
import { ApplicationFailure, condition, defineUpdate, setHandler } from '@temporalio/workflow';
import type { z } from 'zod';
import type { Step, TaskRecord } from '../../activities/step';
import {
  isSignature,
  OPENED_UPDATE,
  REJECTION,
  rolesOf,
  SIGNER,
  VIEW_IN_ANSWER_MAX_CHARS,
  type ActionAck,
  type ActionDefinition,
  type ActionInput,
  type Opened,
  type Payload,
} from '../../domain/actions';
import { whoMayAct } from '../../domain/action-access';
import type { Actor } from '../../domain/identity';
import type { ProcessView } from '../../domain/process-view';
import { leadingRefusal, refusal, type Refusal, type RefusalCode, type RefusalParams } from '../../domain/refusals';
import { beginStep, hasWrittenAStep, isLeanRun, type ProcessCore } from './core';
import { takesPatch } from './patches';
import { resyncDue } from './reset';

const RECENT_REQUESTS_KEPT = 200;

export function reject(type: (typeof REJECTION)[keyof typeof REJECTION], message: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}

/**
 * Refuses with a catalogued refusal (domain/refusals.ts): its code in the failure's `type`, its params
 * and the field's path in `details`; the API words it in the caller's language.
 */
export function refuse<C extends RefusalCode>(code: C, params: RefusalParams[C], path?: string): never {
  const { code: type, ...carried } = refusal(code, params, path);
  throw ApplicationFailure.create({ type, message: `${code} ${JSON.stringify(params)}`, details: [carried], nonRetryable: true });
}

/**
 * Refuses with every cause at once (a draft against the records): the leading one's code in `type`
 * (domain/refusals.ts `leadingRefusal`), each refusal with its code, params and path in `details`.
 */
export function refuseAll(refusals: readonly Refusal[]): never {
  if (refusals.length === 1) refuse(refusals[0].code, refusals[0].params as never, refusals[0].path);
  const lead = leadingRefusal(refusals);
  throw ApplicationFailure.create({
    type: lead.code,
    message: refusals.map((r) => `${r.code} ${JSON.stringify(r.params)}`).join('; '),
    details: [...refusals],
    nonRetryable: true,
  });
}

export function isRepeat(core: ProcessCore, input: ActionInput): boolean {
  return core.recentRequests.includes(input.requestId);
}

export function remember(core: ProcessCore, input: ActionInput): void {
  core.recentRequests.push(input.requestId);
  if (core.recentRequests.length > RECENT_REQUESTS_KEPT) core.recentRequests.shift();
}

/**
 * Validator part: the payload matches the action's schema (the recorded one, where it is wider). Its
 * type is the schema's own (`PayloadOf`): nothing is cast.
 */
export function parsePayload<S extends z.ZodType, W extends z.ZodType>(action: ActionDefinition<S, W>, input: ActionInput): Payload<S, W> {
  const parsed = action.recordedSchema ? action.recordedSchema.safeParse(input.payload) : action.schema.safeParse(input.payload);
  if (!parsed.success) {
    refuse('INVALID_INPUT', { fields: parsed.error.issues.map((issue) => ['body', ...issue.path.map(String)].join('.')) });
  }
  return parsed.data;
}

/** Validator part: the task is open, is this action's, and the actor may complete it. */
export function requireTask(core: ProcessCore, action: ActionDefinition, input: ActionInput): TaskRecord {
  const task = core.openTasks.find((t) => t.id === input.taskId);
  if (!task || task.action !== action.name) refuse('TASK_NOT_OPEN', { taskId: String(input.taskId) });
  requireActor(input.actor, [task.orgId], task.role);
  return task;
}

/**
 * Whether this run holds that only a leader signs. Asked once, before the run's first await: a run
 * recorded before the rule has no marker and keeps letting staff sign, so its history replays as it ran.
 */
export function leadersSign(): boolean {
  return takesPatch('leaders-sign');
}

/**
 * Validator part for a task that may sign: open, this action's, the addressee's; a signature by a
 * leader, any other decision by the task's role or a leader. Runs without the rule check as before.
 */
export function requireSigningTask(core: ProcessCore, action: ActionDefinition, input: ActionInput, leaderRule: boolean): TaskRecord {
  if (!leaderRule) return requireTask(core, action, input);
  const task = core.openTasks.find((t) => t.id === input.taskId);
  if (!task || task.action !== action.name) refuse('TASK_NOT_OPEN', { taskId: String(input.taskId) });
  const signs = isSignature(action, input.payload);
  requireActorWithRole(input.actor, [task.orgId], signs ? [SIGNER] : rolesOf(action));
  return task;
}

function requireActorWithRole(actor: Actor, orgIds: string[], roles: string[]): void {
  if (!orgIds.includes(actor.orgId)) {
    refuse('NOT_YOUR_ORGANISATION', { orgIds, userId: actor.userId, orgId: actor.orgId });
  }
  if (!roles.some((role) => actor.roles.includes(role as Actor['roles'][number]))) {
    refuse('ROLE_NEEDED', { roles, userId: actor.userId, has: actor.roles });
  }
}

/**
 * Validator part for an action started from the process page: the actor is of an organisation the
 * access table names for it (domain/action-access.ts, which the API checks first) and has its role.
 */
export function requireProcessActor(actor: Actor, action: ActionDefinition, zoneCode: string): void {
  requireActor(actor, whoMayAct(action.name, zoneCode), action.role);
}

export function requireActor(actor: Actor, orgIds: string[], role: string): void {
  if (!orgIds.includes(actor.orgId)) {
    refuse('NOT_YOUR_ORGANISATION', { orgIds, userId: actor.userId, orgId: actor.orgId });
  }
  if (!actor.roles.includes(role as Actor['roles'][number])) {
    refuse('ROLE_NEEDED', { roles: [role], userId: actor.userId, has: actor.roles });
  }
}

/**
 * An action's update, named as the action: what the validator checks, what the handler may read
 * first, and the decision. The payload's type comes from the action's schema (`PayloadOf`).
 */
export interface ActionHandler<S extends z.ZodType, W extends z.ZodType, R = undefined, V extends { stage: string } = { stage: string }> {
  action: ActionDefinition<S, W>;
  /** Synchronous checks of payload-free facts (task, actor, stage); throwing refuses without a trace. */
  check(input: ActionInput<Payload<S, W>>): void;
  /**
   * For an action started from the process page (no task stands for it): the checks of the process's
   * state alone, whoever asks, made after `check`. Throwing refuses; the view runs them without acting
   * to list the actions the process accepts now (`acceptedActions`), so the console offers those only.
   */
  accepts?(): void;
  /** Reads the records before deciding (an activity); it changes nothing, and may refuse too. */
  prepare?(input: ActionInput<Payload<S, W>>): Promise<R>;
  /** Decides on the state, synchronously, and puts what the decision writes into the step. */
  decide(input: ActionInput<Payload<S, W>>, step: Step, prepared: R): void;
  /** Writes the step, where this action does more than the process's usual write (it tells other processes). */
  write?(step: Step): Promise<V>;
}

/**
 * The update's answer: `{processId, stage, seq}`, the key of the step it wrote, and in a lean run the
 * view after the action when it is small, so the API answers from it without a second round trip (see ActionAck).
 */
function acknowledge(core: ProcessCore, view: { stage: string }, step?: Step): ActionAck {
  const ack: ActionAck = { processId: core.processId, stage: view.stage, seq: core.seq, ...(step && { step: step.key }) };
  if (isLeanRun() && JSON.stringify(view).length <= VIEW_IN_ANSWER_MAX_CHARS) ack.state = view as unknown as Record<string, unknown>;
  return ack;
}

/** Registers a process's actions (call it with each handler) and tells which process actions it accepts now. */
export interface ActionHandlers<V extends ProcessView> {
  <S extends z.ZodType, W extends z.ZodType, R = undefined>(handler: ActionHandler<S, W, R, V>): void;
  /** The actions with `accepts` whose checks pass now, in the order they were registered. */
  accepted(): string[];
}

/**
 * The one way a process registers its actions: bound once to the process's core, its usual `write`
 * (commit the step, answer the view) and its `view`, it registers each action's update with
 * `handle({ action, check, accepts?, prepare?, decide, write? })`.
 */
export function actionHandlers<V extends ProcessView>(
  core: ProcessCore,
  write: (step: Step) => Promise<V>,
  view: () => V,
): ActionHandlers<V> {
  const processActions: { name: string; accepts: () => void }[] = [];
  const handle = <S extends z.ZodType, W extends z.ZodType, R = undefined>(handler: ActionHandler<S, W, R, V>): void => {
    if (handler.accepts) processActions.push({ name: handler.action.name, accepts: handler.accepts });
    handleAction(core, handler, handler.write ?? write, view);
  };
  const accepted = () => processActions.filter(({ accepts }) => passes(accepts)).map(({ name }) => name);
  answerOpened(core, view);
  return Object.assign(handle, { accepted });
}

/**
 * The launch's update (domain/actions.ts `OPENED_UPDATE`): answers once the run's first step is
 * written. Sent with the start, so it comes in the run's first activation and its answer in the
 * activation that takes the step's result: no workflow task of its own.
 */
function answerOpened(core: ProcessCore, view: () => { stage: string }): void {
  setHandler(defineUpdate<Opened>(OPENED_UPDATE), async () => {
    await condition(hasWrittenAStep);
    const openTasks = core.openTasks.map(({ id, action, orgId, role, title, dueAt }) => ({ id, action, orgId, role, title, dueAt }));
    return { processId: core.processId, stage: view().stage, openTasks };
  });
}

/** Whether a check passes: it refuses by throwing, and changes nothing either way. */
function passes(check: () => void): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

/**
 * Registers an action: the validator checks payload, actor and state; the handler decides, then
 * `write` commits the step. The update answers an `ActionAck`; a repeated request id answers one
 * for the current state without acting.
 *
 * The payload is parsed once: the validator keeps what it parsed for the handler, which runs next in
 * the same activation (validators do not run on replay: there the handler parses it itself), and the
 * check made again after `prepare` reuses it (the schema depends on nothing that may have moved).
 */
function handleAction<S extends z.ZodType, W extends z.ZodType, R, V extends { stage: string }>(
  core: ProcessCore,
  handler: ActionHandler<S, W, R, V>,
  write: (step: Step) => Promise<V>,
  view: () => V,
): void {
  const validated = new Map<string, { payload: Payload<S, W> }>();
  const checked = (input: ActionInput, payload: Payload<S, W> = parsePayload(handler.action, input)): ActionInput<Payload<S, W>> => {
    const typed = { ...input, payload };
    handler.check(typed);
    handler.accepts?.();
    return typed;
  };
  setHandler(
    defineUpdate<ActionAck, [ActionInput]>(handler.action.name),
    async (input: ActionInput) => {
      const parsed = validated.get(input.requestId);
      validated.delete(input.requestId);
      if (isRepeat(core, input)) return acknowledge(core, view());
      // A reset run numbers its steps past the records' first; the state may move meanwhile.
      const resyncing = resyncDue(core);
      if (resyncing) await resyncing;
      let typed = parsed ? checked(input, parsed.payload) : checked(input);
      const prepared = handler.prepare ? await handler.prepare(typed) : (undefined as R);
      // While the records were read, another update may have moved the state on: check again.
      if (handler.prepare) typed = checked(input, typed.payload);
      remember(core, input);
      const step = beginStep(core);
      handler.decide(typed, step, prepared);
      return acknowledge(core, await write(step), step);
    },
    {
      validator: (input: ActionInput) => {
        if (!isRepeat(core, input)) validated.set(input.requestId, { payload: checked(input).payload });
      },
    },
  );
}
