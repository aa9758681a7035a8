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
 * A run's history never changes once the run has closed: those are kept (the console polls a
 * timeline every few seconds), the open one is fetched again. Bounded by size, oldest out first.
 */
const closedRuns = new Map<string, { run: RunHistory; bytes: number }>();
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
  const kept = closedRuns.get(runId);
  if (kept) return kept.run;
  const text = historyToJSON(await client.workflow.getHandle(workflowId, runId).fetchHistory());
  const run = { runId, history: JSON.parse(text) as RunHistory['history'] };
  if (isClosed(run.history) && text.length < KEPT_BYTES / 4) {
    closedRuns.set(runId, { run, bytes: text.length });
    keptBytes += text.length;
    for (const [oldest, { bytes }] of closedRuns) {
      if (keptBytes <= KEPT_BYTES) break;
      closedRuns.delete(oldest);
      keptBytes -= bytes;
    }
  }
  return run;
}

/**
 * Every run of a process's current chain, oldest first: from its latest run back along each run's
 * `continuedExecutionRunId`. A process id reused after its process ended starts a chain of its own.
 */
export async function chainHistories(client: Client, workflowId: string, latestRunId: string): Promise<RunHistory[]> {
  const runs: RunHistory[] = [];
  for (let runId: string | undefined = latestRunId; runId; ) {
    const run = await runHistory(client, workflowId, runId);
    runs.unshift(run);
    const started = run.history.events[0]?.workflowExecutionStartedEventAttributes as { continuedExecutionRunId?: string; initiator?: string } | undefined;
    // Only continue-as-new joins runs into one process (a retry or a cron run would also name one).
    runId = started?.initiator === 'CONTINUE_AS_NEW_INITIATOR_WORKFLOW' ? started.continuedExecutionRunId : undefined;
  }
  return runs;
}
