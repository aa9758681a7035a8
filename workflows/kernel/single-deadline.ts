/** A process that waits on one period at a time (a routing, then an answer): its reminder and escalation. */
import { condition } from '@temporalio/workflow';
import type { ProcessCore } from './core';
import { watchDeadline, type WatchedDeadline } from './timing';

/** The period a step waits on: whom it reminds, whom it escalates to. */
export type OwnedDeadline = WatchedDeadline & { name: string; orgId: string; escalateTo: string[] };

/**
 * Watches whichever deadline the process holds now; a new period replaces the last, and none (or the
 * process's end) stops the watch. `warn` writes the reminder or escalation as a step.
 */
export async function watchCurrentDeadline(
  core: ProcessCore,
  current: () => OwnedDeadline | undefined,
  stop: () => boolean,
  warn: (deadline: OwnedDeadline, kind: 'reminder' | 'escalation', to: string[]) => Promise<unknown>,
): Promise<void> {
  while (!stop() && !core.closing) {
    const deadline = current();
    const moved = () => current() !== deadline || stop() || Boolean(core.closing);
    if (deadline) {
      await watchDeadline(
        core,
        deadline,
        moved,
        () => warn(deadline, 'reminder', [deadline.orgId]),
        () => warn(deadline, 'escalation', deadline.escalateTo),
      );
    }
    await condition(moved);
  }
}
