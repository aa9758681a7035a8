/**
 * What every process workflow shares: the task ledger, steps written once, actor checks and
 * request de-duplication. All state lives in `ProcessCore`, plain JSON carried across
 * continue-as-new; the functions here only read and change it.
 */
import type { UpdateDefinition } from '@temporalio/common';
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Step, StepResult, TaskRecord } from '../activities/step';
import type { Deadline } from '../domain/deadline';
import { REJECTION, type ActionDefinition, type ActionInput } from '../domain/actions';
import type { Actor } from '../domain/identity';
import { searchAttributes } from '../domain/search-attributes';

export const activities = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 ms', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});

export interface ProcessCore {
  processId: string;
  processType: string;
  /** The chain's first run: one process id may be reused after the process ended. */
  chainId: string;
  seq: number;
  openTasks: TaskRecord[];
  /** Request ids already acted on, newest last; update-id de-duplication ends at continue-as-new. */
  recentRequests: string[];
  /** Steps scheduled but not yet committed: continue-as-new waits for them. */
  inFlight: number;
  /** Set once this run has decided to end: timers that fire after that leave their work to the next run. */
  closing?: boolean;
}

const RECENT_REQUESTS_KEPT = 200;

export function newCore(processType: string): ProcessCore {
  const info = workflowInfo();
  return {
    processId: info.workflowId,
    processType,
    chainId: info.firstExecutionRunId,
    seq: 0,
    openTasks: [],
    recentRequests: [],
    inFlight: 0,
  };
}

/** The core of a run that continues an earlier one: nothing in flight, not closing. */
export function resumeCore(core: ProcessCore): ProcessCore {
  core.inFlight = 0;
  core.closing = false;
  return core;
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function beginStep(core: ProcessCore): Step {
  return {
    key: `${core.processId}:${core.chainId}:${++core.seq}`,
    processId: core.processId,
    chainId: core.chainId,
    processType: core.processType,
    at: nowIso(),
    events: [],
    openTasks: [],
    closeTasks: [],
    memoranda: [],
    notifications: [],
  };
}

export function addEvent(core: ProcessCore, step: Step, kind: string, actor: Actor | null, data = {}): void {
  step.events.push({ seq: ++core.seq, at: step.at, kind, actor, data });
}

export function openTask(
  core: ProcessCore,
  step: Step,
  action: ActionDefinition,
  orgId: string,
  context: Record<string, unknown> = {},
  dueAt?: string,
): TaskRecord {
  const task: TaskRecord = {
    // Run ids are UUIDv7: their head is a timestamp, their tail is random.
    id: `${core.processId}.${core.chainId.slice(-12)}.${++core.seq}`,
    action: action.name,
    orgId,
    role: action.role,
    title: action.title,
    dueAt,
    context,
  };
  core.openTasks.push(task);
  step.openTasks.push(task);
  return task;
}

/** Closes the open tasks that match, as done by `by` or cancelled (by = null). */
export function closeTasks(core: ProcessCore, step: Step, match: (task: TaskRecord) => boolean, by: Actor | null) {
  const closing = core.openTasks.filter(match);
  core.openTasks = core.openTasks.filter((task) => !match(task));
  step.closeTasks.push({ ids: closing.map((task) => task.id), status: by ? 'done' : 'cancelled', by });
  return closing;
}

/** A process's place in its stage graph: where it is and the path it took. */
export interface Staged<S extends string> {
  stage: S;
  path: S[];
}

export function enterStage<S extends string>(state: Staged<S>, stage: S): void {
  state.stage = stage;
  state.path.push(stage);
}

/** Tells the engine's search where the process stands, then writes the step. */
export function publishAndCommit(core: ProcessCore, stage: string, step: Step): Promise<StepResult> {
  upsertSearchAttributes([
    { key: searchAttributes.stage, value: stage },
    { key: searchAttributes.awaitingOrgs, value: [...new Set(core.openTasks.map((task) => task.orgId))] },
  ]);
  return commit(core, step);
}

/** Writes a step once; continue-as-new waits until every scheduled step has landed. */
export async function commit(core: ProcessCore, step: Step): Promise<StepResult> {
  core.inFlight++;
  try {
    return await activities.commitStep(step);
  } finally {
    core.inFlight--;
  }
}

export function reject(type: (typeof REJECTION)[keyof typeof REJECTION], message: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}

export function isRepeat(core: ProcessCore, input: ActionInput): boolean {
  return core.recentRequests.includes(input.requestId);
}

export function remember(core: ProcessCore, input: ActionInput): void {
  core.recentRequests.push(input.requestId);
  if (core.recentRequests.length > RECENT_REQUESTS_KEPT) core.recentRequests.shift();
}

/** Validator part: the payload matches the action's schema. */
export function parsePayload<P>(action: ActionDefinition, input: ActionInput): P {
  const parsed = action.schema.safeParse(input.payload);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`);
    reject(REJECTION.badRequest, `invalid ${action.name} payload: ${fields.join('; ')}`);
  }
  return parsed.data as P;
}

/** Validator part: the task is open, is this action's, and the actor may complete it. */
export function requireTask(core: ProcessCore, action: ActionDefinition, input: ActionInput): TaskRecord {
  const task = core.openTasks.find((t) => t.id === input.taskId);
  if (!task || task.action !== action.name) reject(REJECTION.conflict, `task ${input.taskId} is not open for ${action.name}`);
  requireActor(input.actor, [task.orgId], task.role);
  return task;
}

export function requireActor(actor: Actor, orgIds: string[], role: string): void {
  if (!orgIds.includes(actor.orgId)) {
    reject(REJECTION.forbidden, `only ${orgIds.join(' or ')} may do this; ${actor.userId} belongs to ${actor.orgId}`);
  }
  if (!actor.roles.includes(role as Actor['roles'][number])) {
    reject(REJECTION.forbidden, `this needs the ${role} role; ${actor.userId} has ${actor.roles.join(', ') || 'none'}`);
  }
}

/** Milliseconds from workflow time until an instant, at least 1 (a timer of 0 would never fire). */
export function msUntil(instant: string): number {
  return Math.max(1, Date.parse(instant) - Date.now());
}

/** An action's update: what the validator checks, what the handler may read first, and the decision. */
export interface ActionHandler<V, P, R = undefined> {
  action: ActionDefinition;
  update: UpdateDefinition<V, [ActionInput]>;
  /** Synchronous checks of payload-free facts (task, actor, stage); throwing refuses without a trace. */
  check(input: ActionInput<P>): void;
  /** Reads the records before deciding (an activity); it changes nothing, and may refuse too. */
  prepare?(input: ActionInput<P>): Promise<R>;
  /** Decides on the state, synchronously, and puts what the decision writes into the step. */
  decide(input: ActionInput<P>, step: Step, prepared: R): void;
}

/**
 * Registers an action: the validator checks payload, actor and state; the handler decides, then
 * `write` commits the step. A repeated request id returns the current view without acting.
 */
export function handleAction<V, P, R>(
  core: ProcessCore,
  handler: ActionHandler<V, P, R>,
  write: (step: Step) => Promise<V>,
  view: () => V,
): void {
  const checked = (input: ActionInput): ActionInput<P> => {
    const typed = { ...input, payload: parsePayload<P>(handler.action, input) };
    handler.check(typed);
    return typed;
  };
  setHandler(
    handler.update,
    async (input: ActionInput) => {
      if (isRepeat(core, input)) return view();
      let typed = checked(input);
      const prepared = handler.prepare ? await handler.prepare(typed) : (undefined as R);
      // While the records were read, another update may have moved the state on: check again.
      if (handler.prepare) typed = checked(input);
      remember(core, input);
      const step = beginStep(core);
      handler.decide(typed, step, prepared);
      return write(step);
    },
    {
      validator: (input: ActionInput) => {
        if (!isRepeat(core, input)) checked(input);
      },
    },
  );
}

/** A deadline with its two warnings, each sent once and remembered across continue-as-new. */
export type WatchedDeadline = Deadline & { reminded: boolean; escalated: boolean };

/** Sends the reminder at half time and the escalation at expiry, unless `settled` first. */
export async function watchDeadline(
  core: ProcessCore,
  deadline: WatchedDeadline,
  settled: () => boolean,
  remind: () => Promise<unknown>,
  escalate: () => Promise<unknown>,
): Promise<void> {
  // Histories recorded before runs could close kept the deadline's timer pending at continue-as-new.
  const stopOnClose = patched('deadline-watch-stops-when-run-closes');
  const over = () => settled() || (stopOnClose && Boolean(core.closing));
  if (over()) return;
  if (!deadline.reminded) {
    if ((await condition(over, msUntil(deadline.reminderAt))) || (stopOnClose && core.closing)) return;
    deadline.reminded = true;
    await remind();
  }
  if (!deadline.escalated) {
    if ((await condition(over, msUntil(deadline.dueAt))) || (stopOnClose && core.closing)) return;
    deadline.escalated = true;
    await escalate();
  }
}

/** True when this run's history is long enough to continue as new (the engine's hint or a policy limit). */
export function historyFull(limit: number): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || (limit > 0 && info.historyLength >= limit);
}

/**
 * Waits until the process is final or its history is full, and nothing is in flight; then marks the
 * run closing, so that a timer firing in the same activation starts no work that the end would drop.
 */
export async function awaitEndOfRun(core: ProcessCore, final: () => boolean, limit: number): Promise<boolean> {
  const quiet = () => allHandlersFinished() && core.inFlight === 0;
  for (;;) {
    await condition(() => (final() || historyFull(limit)) && quiet());
    // Another coroutine may have started a step between the condition and this line: look again.
    if (quiet()) break;
  }
  core.closing = true;
  return final();
}
