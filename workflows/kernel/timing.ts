/** Time in a process: deadlines with their warnings, and the end of a run. */
import { allHandlersFinished, condition, workflowInfo } from '@temporalio/workflow';
import type { Deadline } from '../../domain/deadline';
import type { ProcessCore } from './core';
import { takesPatch } from './patches';

/** Milliseconds from workflow time until an instant, at least 1 (a timer of 0 would never fire). */
export function msUntil(instant: string): number {
  return Math.max(1, Date.parse(instant) - Date.now());
}

/**
 * A hand-written timer that respects the end of the run by itself: waits `ms` unless `settled` first
 * or the run closes (awaitEndOfRun), and answers true only when the time came and this run may still
 * act on it. A time that comes as the run closes is left to the next run, which waits for it again
 * (a step started then would be lost at continue-as-new).
 */
export async function timeCame(core: ProcessCore, settled: () => boolean, ms: number): Promise<boolean> {
  return !(await condition(() => settled() || Boolean(core.closing), ms)) && !core.closing;
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
  const stopOnClose = takesPatch('deadline-watch-stops-when-run-closes');
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
