import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

/**
 * Raw histories as the engine keeps them, in the JSON form of its API (what `temporal workflow show
 * -o json` prints and what replay reads), payloads still sealed by the codec.
 */
export interface HistoryEvent {
  eventId: string;
  eventTime: string;
  eventType: string;
  [attributes: string]: unknown;
}

export interface RunHistory {
  runId: string;
  history: { events: HistoryEvent[] };
}

/**
 * A run's events never change once written, and a closed run gets no more: runs read are kept (the
 * console polls a timeline every few seconds), a closed one whole, an open one as far as it was
 * read, so the next read converts only the events written since (the engine's JSON form costs more
 * than the fetch). Bounded by size, oldest out first.
 */
const keptRuns = new Map<string, { run: RunHistory; bytes: number }>();
const KEPT_BYTES = 64 * 1024 * 1024;
let keptBytes = 0;

const CLOSING = new Set([
  'EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED',
  'EVENT_TYPE_WORKFLOW_EXECUTION_FAILED',
  'EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT',
  'EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED',
  'EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED',
  'EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW',
]);

/** A run that has ended (continued as new included): its history will not change again. */
export const isClosed = (history: RunHistory['history']) => CLOSING.has(history.events.at(-1)?.eventType ?? '');

async function runHistory(client: Client, workflowId: string, runId: string): Promise<RunHistory> {
  const kept = keptRuns.get(runId);
  if (kept && isClosed(kept.run.history)) return kept.run;
  const events = (await client.workflow.getHandle(workflowId, runId).fetchHistory()).events ?? [];
  const known = kept?.run.history.events ?? [];
  // The events read before, if the engine still begins with them (it always should); converted alone,
  // an event's JSON is what it is within its whole history.
  const from = known.length && String(events[known.length - 1]?.eventId) === known.at(-1)?.eventId ? known.length : 0;
  const text = historyToJSON({ events: events.slice(from) });
  const fresh = (JSON.parse(text) as Partial<RunHistory['history']>).events ?? [];
  const run = { runId, history: { events: from ? [...known, ...fresh] : fresh } };
  const bytes = (from ? kept!.bytes : 0) + text.length;
  if (bytes < KEPT_BYTES / 4) keep(run, bytes);
  return run;
}

function keep(run: RunHistory, bytes: number): void {
  keptBytes -= keptRuns.get(run.runId)?.bytes ?? 0;
  keptRuns.delete(run.runId);
  keptRuns.set(run.runId, { run, bytes });
  keptBytes += bytes;
  for (const [oldest, { bytes: oldestBytes }] of keptRuns) {
    if (keptBytes <= KEPT_BYTES) break;
    keptRuns.delete(oldest);
    keptBytes -= oldestBytes;
  }
}

/**
 * Every run of a process's current chain, oldest first: from its latest run back along each run's
 * `continuedExecutionRunId`. A process id reused after its process ended starts a chain of its own.
 */
export async function chainHistories(client: Client, workflowId: string, latestRunId: string): Promise<RunHistory[]> {
  const runs: RunHistory[] = [];
  for (let runId: string | undefined = latestRunId; runId;) {
    const run = await runHistory(client, workflowId, runId);
    runs.unshift(run);
    const started = run.history.events[0]?.workflowExecutionStartedEventAttributes as
      { continuedExecutionRunId?: string; initiator?: string } | undefined;
    // Only continue-as-new joins runs into one process (a retry or a cron run would also name one).
    runId = started?.initiator === 'CONTINUE_AS_NEW_INITIATOR_WORKFLOW' ? started.continuedExecutionRunId : undefined;
  }
  return runs;
}
