/**
 * What every process workflow keeps: the task ledger, steps written once and the stage it is in.
 * All state lives in `ProcessCore`, plain JSON carried across continue-as-new; these functions only
 * read and change it.
 */
import {
  ParentClosePolicy,
  patched,
  proxyActivities,
  proxyLocalActivities,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { Step, StepResult, TaskRecord } from '../../activities/step';
import type { ActionDefinition } from '../../domain/actions';
import type { Actor } from '../../domain/identity';
import { searchAttributes } from '../../domain/search-attributes';
import { stageNow } from '../../domain/stage-names';
import { outboxWorkflowId } from '../outbox-delivery';
import { askStartedOnThisCode, takesPatch } from './patches';
import { watchForReset } from './reset';

const ACTIVITY_OPTIONS = {
  // A step is one short transaction: a worker that stops holding one gives it up to another in 10 s.
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 ms', maximumInterval: '30 seconds', backoffCoefficient: 2 },
} as const;
const scheduled = proxyActivities<Activities>(ACTIVITY_OPTIONS);
const local = proxyLocalActivities<Activities>(ACTIVITY_OPTIONS);

/**
 * Reads of the records that change nothing and answer in milliseconds. In a lean run they run as
 * local activities: inside the workflow task that asks, recorded as one marker, instead of three
 * events and a workflow task more for a scheduled activity. A read that fails is simply run again.
 */
const SHORT_READS: ReadonlySet<string> = new Set<keyof Activities>([
  'checkAgreementDraft',
  'planDeadline',
  'prepareAgreement',
  'prepareZoneEstablishment',
]);

/**
 * The activities, called as before (`activities.commitStep(step)`): a short read goes local in a
 * lean run, everything else (every write) is a scheduled activity as it always was.
 */
export const activities: typeof scheduled = new Proxy(scheduled, {
  get: (target, name) =>
    leanRun && typeof name === 'string' && SHORT_READS.has(name) ? local[name as keyof Activities] : target[name as keyof Activities],
});

/**
 * Whether this run takes the lean path of issue 21: short reads as local activities, the update's
 * answer carrying the new view, search attributes upserted only when they change. Decided once per
 * run, at its start (`resumeCore`), by the patch `lean-steps`: a history recorded before has no
 * marker there, so it replays on the old path to its end. Module state is this workflow's own (the
 * SDK keeps a module cache per workflow).
 */
let leanRun = false;
export const LEAN_STEPS_PATCH = 'lean-steps';

export function isLeanRun(): boolean {
  return leanRun;
}

/** Steps this run has written: the launch's `opened` update answers once there is one. */
let stepsWritten = 0;

export function hasWrittenAStep(): boolean {
  return stepsWritten > 0;
}

export interface ProcessCore {
  processId: string;
  processType: string;
  /** The chain's first run: one process id may be reused after the process ended. */
  chainId: string;
  /**
   * The process's one counter, across its runs: each step, each timeline event and each task takes
   * the next number, so a step's key, an event's `seq` and a task's id are each unique in the chain
   * and a later one has a larger number. (Steps, events and tasks share it: their numbers interleave.)
   * A reset run numbers on past the records' (kernel/reset.ts).
   */
  seq: number;
  openTasks: TaskRecord[];
  /** Request ids already acted on, newest last; update-id de-duplication ends at continue-as-new. */
  recentRequests: string[];
  /** How many steps are being committed now (not a number of anything done): continue-as-new waits for 0. */
  inFlight: number;
  /** Set once this run has decided to end: timers that fire after that leave their work to the next run. */
  closing?: boolean;
}

export function newCore(processType: string): ProcessCore {
  const info = workflowInfo();
  askStartedOnThisCode();
  const core: ProcessCore = {
    processId: info.workflowId,
    processType,
    chainId: info.firstExecutionRunId,
    seq: 0,
    openTasks: [],
    recentRequests: [],
    inFlight: 0,
  };
  watchForReset(core);
  return core;
}

/** Every run's start, first or continued: nothing in flight, not closing, its path decided. */
export function resumeCore(core: ProcessCore): ProcessCore {
  core.inFlight = 0;
  core.closing = false;
  // Asked before the run's first await, so the marker is in its first workflow task.
  askStartedOnThisCode();
  leanRun = takesPatch(LEAN_STEPS_PATCH);
  watchForReset(core);
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
  publish(core.processType, stage, [...new Set(core.openTasks.map((task) => task.orgId))]);
  return commit(core, step);
}

/**
 * Upserts the search attributes when one of them changed. Each upsert is a visibility write on the
 * engine, and steps such as reminders change neither. What the engine holds is read from
 * `workflowInfo()`, which knows the values set at start, carried by continue-as-new and upserted since.
 */
function publish(processType: string, stage: string, awaitingOrgs: string[]): void {
  const held = workflowInfo().typedSearchAttributes;
  // A stage's earlier name, carried from a run continued before its renaming, says the same stage: no
  // upsert for it, as the run that wrote the history made none (the search reads both names).
  const heldStage = held.get(searchAttributes.stage);
  const unchanged =
    heldStage !== undefined &&
    stageNow(processType, heldStage) === stage &&
    sameMembers(held.get(searchAttributes.awaitingOrgs) ?? [], awaitingOrgs);
  // Histories recorded before upserted on every step. The patch is asked only when skipping: its
  // marker comes with an upsert of its own (TemporalChangeVersion), which a step that upserts anyway
  // would only add to.
  // A lean run has its own marker already: it skips without asking for another.
  if (unchanged && (leanRun || patched('search-attributes-upserted-when-changed'))) return;
  upsertSearchAttributes([
    { key: searchAttributes.stage, value: stage },
    { key: searchAttributes.awaitingOrgs, value: awaitingOrgs },
  ]);
}

/** A keyword list is searched by membership: its order does not matter. */
function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

/** Writes a step once; continue-as-new waits until every scheduled step has landed. */
export async function commit(core: ProcessCore, step: Step): Promise<StepResult> {
  core.inFlight++;
  try {
    const result = await activities.commitStep(step);
    stepsWritten++;
    // Histories recorded before the outbox have no step with messages; the patch marks the new command.
    if (result.outbox && takesPatch('outbox-delivery')) await startDelivery(step.key);
    return result;
  } finally {
    core.inFlight--;
  }
}

/**
 * Hands a step's outbox to its own workflow, named by the step's key (so a replay or a retry starts
 * nothing twice), abandoned by this run: the step is written, the messages go out on their own time.
 */
async function startDelivery(stepKey: string): Promise<void> {
  await startChild('outboxDelivery', {
    workflowId: outboxWorkflowId(stepKey),
    args: [{ stepKey }],
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
}
