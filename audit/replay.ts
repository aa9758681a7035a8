import type { PayloadCodec } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import type { HistoryEvent, RunHistory } from './histories';
import type { WorkflowCode } from './workflow-code';

/**
 * Replays every run against the workflow code: the histories must be what this code decides, command
 * for command. Payloads are opened with the codecs (histories recorded before encryption pass through).
 * Returns null when every run replays, else what failed.
 */
const REPLAY_TIMEOUT_MS = 60_000;

export async function replayProblem(
  code: WorkflowCode,
  workflowId: string,
  runs: RunHistory[],
  codecs: readonly PayloadCodec[],
): Promise<string | null> {
  if (!runs.length) return 'the bundle holds no run to replay';
  const failures: string[] = [];
  try {
    const histories = runs
      .map((run) => ({ workflowId, history: { ...run.history, events: replayable(run.history.events) } }))
      .filter((h) => h.history.events.length);
    const options = { workflowBundle: code.bundle, dataConverter: { payloadCodecs: [...codecs] }, replayName: 'audit-verify' };
    const results = Worker.runReplayHistories(options, histories);
    for (;;) {
      // A history made to hold the replayer forever (a workflow task that never comes) must not hold this process.
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timedOut'>((resolve) => (timer = setTimeout(() => resolve('timedOut'), REPLAY_TIMEOUT_MS)));
      const next = await Promise.race([results.next(), timedOut]).finally(() => clearTimeout(timer));
      if (next === 'timedOut') {
        void results.return?.(undefined);
        failures.push(`a run did not finish replaying within ${REPLAY_TIMEOUT_MS / 1000} s`);
        break;
      }
      if (next.done) break;
      if (next.value.error) failures.push(`run ${next.value.runId}: ${next.value.error.message}`);
    }
  } catch (error) {
    failures.push((error as Error).message);
  }
  return failures.length ? failures.join('; ') : null;
}

const PENDING_TASK = new Set(['EVENT_TYPE_WORKFLOW_TASK_SCHEDULED', 'EVENT_TYPE_WORKFLOW_TASK_STARTED']);

/**
 * The part of an open run's history that a replay can check: a workflow task the engine has
 * scheduled or started but no worker completed yet has made no decision to compare, and the replayer
 * would wait for it forever. A run no worker has decided anything in yet (its first task delayed,
 * say, right after continue-as-new) has nothing to replay at all.
 */
function replayable(events: HistoryEvent[]): HistoryEvent[] {
  let end = events.length;
  while (end > 0 && PENDING_TASK.has(events[end - 1].eventType)) end--;
  if (!events.slice(0, end).some((event) => event.eventType === 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED')) return [];
  return events.slice(0, end);
}
