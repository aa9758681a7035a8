/**
 * What the raw histories tell a reader that the records do not: each decision's payload and outcome,
 * the step it wrote, deadlines computed, activities retried or failed, runs joined by continue-as-new,
 * and how the process ended. Pure over the histories, given a way to open their payloads.
 */
import type { Deadline } from '../domain/deadline';
import type { Actor } from '../domain/identity';
import { isClosed, type HistoryEvent, type RunHistory } from './histories';

export interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

/** Opens payloads as the engine's JSON holds them (codec, then converter) into values. */
export type OpenPayloads = (payloads: JsonPayload[]) => Promise<unknown[]>;

export interface Decision {
  runId: string;
  at: string;
  action: string;
  actor: Actor;
  taskId?: string;
  requestId: string;
  payload: unknown;
  /** The process events (by seq) the decision's step wrote, once its step was scheduled. */
  eventSeqs: number[];
  refused?: string;
}

export type EngineFact =
  | { kind: 'deadlineSet'; at: string; runId: string; name: string; deadline: Deadline }
  | { kind: 'activityRetried'; at: string; runId: string; activity: string; attempt: number; lastFailure: string }
  | { kind: 'activityFailed'; at: string; runId: string; activity: string; attempt: number; failure: string; timedOut: boolean }
  | { kind: 'workflowTaskFailed'; at: string; runId: string; cause: string; failure: string }
  | { kind: 'continuedAsNew'; at: string; runId: string; newRunId: string; events: number }
  | { kind: 'decisionRefused'; at: string; runId: string; decision: Decision }
  | {
      kind: 'processEnded';
      at: string;
      runId: string;
      how: 'completed' | 'failed' | 'terminated' | 'canceled' | 'timedOut';
      reason: string;
      identity: string;
    };

export interface HistoryFacts {
  decisions: Decision[];
  /** The run each process event (by seq) was written in. */
  runOfEvent: Map<number, string>;
  facts: EngineFact[];
  /** The worker build ids (the SDK's digest of the workflow bundle) that ran the workflow tasks. */
  buildIds: string[];
}

interface StepInput {
  events: { seq: number; actor: Actor | null }[];
  closeTasks: { ids: string[]; status: string }[];
}

const attributes = <T>(event: HistoryEvent, name: string) => (event[name] ?? {}) as T;
const payloadsOf = (value: unknown) => (value as { payloads?: JsonPayload[] } | undefined)?.payloads ?? [];
const failureText = (failure: unknown) => String((failure as { message?: string } | undefined)?.message ?? '');

function isDeadline(value: unknown): value is Deadline {
  const d = value as Partial<Deadline> | null;
  return Boolean(
    d && typeof d === 'object' && typeof d.dueAt === 'string' && typeof d.startsAt === 'string' && typeof d.period === 'string',
  );
}

/** Deadlines in an activity's result: the result itself (named by the policy key it was asked for) or its fields. */
function deadlinesIn(result: unknown, input: unknown): { name: string; deadline: Deadline }[] {
  if (isDeadline(result))
    return [{ name: String((input as { key?: string } | undefined)?.key ?? result.policyKey ?? 'deadline'), deadline: result }];
  if (!result || typeof result !== 'object') return [];
  return Object.entries(result)
    .filter(([, value]) => isDeadline(value))
    .map(([name, deadline]) => ({ name, deadline: deadline as Deadline }));
}

const ENDINGS: Record<string, Extract<EngineFact, { kind: 'processEnded' }>['how']> = {
  EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED: 'completed',
  EVENT_TYPE_WORKFLOW_EXECUTION_FAILED: 'failed',
  EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED: 'terminated',
  EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED: 'canceled',
  EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT: 'timedOut',
};

/**
 * A closed run's facts, read once: its history can no longer change, and reading it opens every
 * payload in it (a decryption and a decoding each), which every timeline and export of a long
 * process would otherwise do again for all its earlier runs. Keyed by the opener and by the history
 * object audit/histories.ts keeps for a closed run, so they go when it does. Shared between requests:
 * read, never changed.
 */
const closedRunFacts = new WeakMap<OpenPayloads, WeakMap<RunHistory['history'], HistoryFacts>>();

export async function historyFacts(runs: RunHistory[], open: OpenPayloads): Promise<HistoryFacts> {
  const all: Omit<HistoryFacts, 'buildIds'> = { decisions: [], runOfEvent: new Map(), facts: [] };
  const buildIds = new Set<string>();
  const kept = closedRunFacts.get(open) ?? closedRunFacts.set(open, new WeakMap()).get(open)!;
  for (const run of runs) {
    let facts = kept.get(run.history);
    if (!facts) {
      facts = await factsOfRun(run, open);
      if (isClosed(run.history)) kept.set(run.history, facts);
    }
    all.decisions.push(...facts.decisions);
    for (const [seq, runId] of facts.runOfEvent) all.runOfEvent.set(seq, runId);
    all.facts.push(...facts.facts);
    for (const id of facts.buildIds) buildIds.add(id);
  }
  return { ...all, buildIds: [...buildIds] };
}

async function factsOfRun({ runId, history }: RunHistory, open: OpenPayloads): Promise<HistoryFacts> {
  const decisions: Decision[] = [];
  const facts: EngineFact[] = [];
  const runOfEvent = new Map<number, string>();
  const buildIds = new Set<string>();
  const first = async (value: unknown) => (await open(payloadsOf(value).slice(0, 1)))[0];
  const scheduled = new Map<string, { activity: string; input: unknown }>();
  const accepted = new Map<string, Decision>();
  const pending: Decision[] = [];
  for (const event of history.events) {
    const at = new Date(event.eventTime).toISOString();
    switch (event.eventType) {
      case 'EVENT_TYPE_WORKFLOW_TASK_STARTED': {
        const buildId = attributes<{ workerVersion?: { buildId?: string } }>(event, 'workflowTaskStartedEventAttributes').workerVersion
          ?.buildId;
        if (buildId) buildIds.add(buildId);
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED': {
        // The launch is a decision too: who started the process, with what input (not on a continued run).
        const input = (await first(attributes<{ input?: unknown }>(event, 'workflowExecutionStartedEventAttributes').input)) as
          { start?: unknown; launchedBy?: Actor } | undefined;
        if (!input?.launchedBy) break;
        const launch: Decision = {
          runId,
          at,
          action: 'launch',
          actor: input.launchedBy,
          requestId: '',
          payload: input.start,
          eventSeqs: [],
        };
        decisions.push(launch);
        pending.push(launch);
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED': {
        const a = attributes<{ acceptedRequest?: { meta?: { updateId?: string }; input?: { name?: string; args?: unknown } } }>(
          event,
          'workflowExecutionUpdateAcceptedEventAttributes',
        );
        const input = (await first(a.acceptedRequest?.input?.args)) as
          { actor: Actor; taskId?: string; requestId: string; payload: unknown } | undefined;
        if (!input?.actor) break;
        const decision: Decision = {
          runId,
          at,
          action: a.acceptedRequest?.input?.name ?? '',
          actor: input.actor,
          taskId: input.taskId,
          requestId: input.requestId,
          payload: input.payload,
          eventSeqs: [],
        };
        decisions.push(decision);
        pending.push(decision);
        accepted.set(a.acceptedRequest?.meta?.updateId ?? input.requestId, decision);
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED': {
        const c = attributes<{ meta?: { updateId?: string }; outcome?: { failure?: unknown } }>(
          event,
          'workflowExecutionUpdateCompletedEventAttributes',
        );
        const decision = accepted.get(c.meta?.updateId ?? '');
        if (decision && c.outcome?.failure) {
          decision.refused = failureText(c.outcome.failure);
          pending.splice(pending.indexOf(decision), 1);
          facts.push({ kind: 'decisionRefused', at, runId, decision });
        }
        break;
      }
      case 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED': {
        const s = attributes<{ activityType?: { name?: string }; input?: unknown }>(event, 'activityTaskScheduledEventAttributes');
        const activity = s.activityType?.name ?? '';
        const input = await first(s.input);
        scheduled.set(event.eventId, { activity, input });
        if (activity !== 'commitStep') break;
        const step = input as StepInput;
        for (const e of step.events ?? []) runOfEvent.set(e.seq, runId);
        // The decision this step writes: the one whose task it closes as done, or (an action no
        // task stands for) the oldest pending one by the same person.
        const closedDone = new Set((step.closeTasks ?? []).filter((c) => c.status === 'done').flatMap((c) => c.ids));
        const decision =
          pending.find((d) => d.taskId && closedDone.has(d.taskId)) ??
          pending.find((d) => !d.taskId && (step.events ?? []).some((e) => e.actor?.userId === d.actor.userId));
        if (decision) {
          decision.eventSeqs = (step.events ?? []).map((e) => e.seq);
          pending.splice(pending.indexOf(decision), 1);
        }
        break;
      }
      case 'EVENT_TYPE_ACTIVITY_TASK_STARTED': {
        const s = attributes<{ scheduledEventId?: string; attempt?: number; lastFailure?: unknown }>(
          event,
          'activityTaskStartedEventAttributes',
        );
        if ((s.attempt ?? 1) > 1) {
          const activity = scheduled.get(s.scheduledEventId ?? '')?.activity ?? '';
          facts.push({ kind: 'activityRetried', at, runId, activity, attempt: s.attempt!, lastFailure: failureText(s.lastFailure) });
        }
        break;
      }
      case 'EVENT_TYPE_ACTIVITY_TASK_COMPLETED': {
        const c = attributes<{ scheduledEventId?: string; result?: unknown }>(event, 'activityTaskCompletedEventAttributes');
        const origin = scheduled.get(c.scheduledEventId ?? '');
        if (!origin || origin.activity === 'commitStep') break;
        for (const { name, deadline } of deadlinesIn(await first(c.result), origin.input))
          facts.push({ kind: 'deadlineSet', at, runId, name, deadline });
        break;
      }
      case 'EVENT_TYPE_MARKER_RECORDED': {
        // A local activity (a short read) leaves a marker with its type and result, not its input.
        const m = attributes<{ markerName?: string; details?: { data?: unknown; result?: unknown } }>(
          event,
          'markerRecordedEventAttributes',
        );
        if (m.markerName !== 'core_local_activity' || !m.details?.result) break;
        for (const { name, deadline } of deadlinesIn(await first(m.details.result), undefined))
          facts.push({ kind: 'deadlineSet', at, runId, name, deadline });
        break;
      }
      case 'EVENT_TYPE_ACTIVITY_TASK_FAILED':
      case 'EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT': {
        const timedOut = event.eventType === 'EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT';
        const f = attributes<{ scheduledEventId?: string; startedEventId?: string; failure?: unknown }>(
          event,
          timedOut ? 'activityTaskTimedOutEventAttributes' : 'activityTaskFailedEventAttributes',
        );
        const started = history.events.find((e) => e.eventId === f.startedEventId);
        const attempt =
          attributes<{ attempt?: number }>(started ?? ({} as HistoryEvent), 'activityTaskStartedEventAttributes').attempt ?? 1;
        facts.push({
          kind: 'activityFailed',
          at,
          runId,
          activity: scheduled.get(f.scheduledEventId ?? '')?.activity ?? '',
          attempt,
          failure: failureText(f.failure),
          timedOut,
        });
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_TASK_FAILED': {
        const f = attributes<{ cause?: string; failure?: unknown }>(event, 'workflowTaskFailedEventAttributes');
        facts.push({
          kind: 'workflowTaskFailed',
          at,
          runId,
          cause: (f.cause ?? '').replace('WORKFLOW_TASK_FAILED_CAUSE_', ''),
          failure: failureText(f.failure),
        });
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW': {
        const c = attributes<{ newExecutionRunId?: string }>(event, 'workflowExecutionContinuedAsNewEventAttributes');
        facts.push({ kind: 'continuedAsNew', at, runId, newRunId: c.newExecutionRunId ?? '', events: history.events.length });
        break;
      }
      default: {
        const how = ENDINGS[event.eventType];
        if (!how) break;
        const e = Object.values(event).find((v) => v && typeof v === 'object') as
          { reason?: string; identity?: string; failure?: unknown } | undefined;
        facts.push({ kind: 'processEnded', at, runId, how, reason: e?.reason ?? failureText(e?.failure), identity: e?.identity ?? '' });
      }
    }
  }
  return { decisions, runOfEvent, facts, buildIds: [...buildIds] };
}
