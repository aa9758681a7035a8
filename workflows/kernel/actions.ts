/** Human steps as Updates: validators that refuse without a trace, handlers that decide then write. */
import { ApplicationFailure, defineUpdate, patched, setHandler } from '@temporalio/workflow';
import type { Step, TaskRecord } from '../../activities/step';
import {
  isSignature,
  REJECTION,
  rolesOf,
  SIGNER,
  VIEW_IN_ANSWER_MAX_CHARS,
  type ActionAck,
  type ActionDefinition,
  type ActionInput,
} from '../../domain/actions';
import type { Actor } from '../../domain/identity';
import { refusal, type RefusalCode, type RefusalParams } from '../../domain/refusals';
import { beginStep, isLeanRun, type ProcessCore } from './core';
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

export function isRepeat(core: ProcessCore, input: ActionInput): boolean {
  return core.recentRequests.includes(input.requestId);
}

export function remember(core: ProcessCore, input: ActionInput): void {
  core.recentRequests.push(input.requestId);
  if (core.recentRequests.length > RECENT_REQUESTS_KEPT) core.recentRequests.shift();
}

/** Validator part: the payload matches the action's schema (the recorded one, where it is wider). */
export function parsePayload<P>(action: ActionDefinition, input: ActionInput): P {
  const parsed = (action.recordedSchema ?? action.schema).safeParse(input.payload);
  if (!parsed.success) {
    refuse('INVALID_INPUT', { fields: parsed.error.issues.map((issue) => ['body', ...issue.path.map(String)].join('.')) });
  }
  return parsed.data as P;
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
  return patched('leaders-sign');
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
 * first, and the decision.
 */
export interface ActionHandler<P, R = undefined> {
  action: ActionDefinition;
  /** Synchronous checks of payload-free facts (task, actor, stage); throwing refuses without a trace. */
  check(input: ActionInput<P>): void;
  /** Reads the records before deciding (an activity); it changes nothing, and may refuse too. */
  prepare?(input: ActionInput<P>): Promise<R>;
  /** Decides on the state, synchronously, and puts what the decision writes into the step. */
  decide(input: ActionInput<P>, step: Step, prepared: R): void;
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

/**
 * Registers an action: the validator checks payload, actor and state; the handler decides, then
 * `write` commits the step. The update answers an `ActionAck`; a repeated request id answers one
 * for the current state without acting.
 *
 * The payload is parsed once: the validator keeps what it parsed for the handler, which runs next in
 * the same activation (validators do not run on replay: there the handler parses it itself), and the
 * check made again after `prepare` reuses it (the schema depends on nothing that may have moved).
 */
export function handleAction<P, R>(
  core: ProcessCore,
  handler: ActionHandler<P, R>,
  write: (step: Step) => Promise<{ stage: string }>,
  view: () => { stage: string },
): void {
  const validated = new Map<string, { payload: P }>();
  const checked = (input: ActionInput, payload: P = parsePayload<P>(handler.action, input)): ActionInput<P> => {
    const typed = { ...input, payload };
    handler.check(typed);
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
