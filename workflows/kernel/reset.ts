/**
 * A process reset by an operator (`temporal workflow reset`) runs on from an earlier point, in a new
 * run, while the records keep what the rolled-back steps wrote: their step numbers, task ids and
 * timeline events would be numbered again. Before such a run writes its next step it resyncs: it
 * reads how far the records' numbering went, numbers on past it, and writes one step that brings the
 * task ledger in line with the tasks it holds open (the timeline says so).
 *
 * The reset point is known by the workflow's random seed: the engine's history marks it, and the SDK
 * gives the workflow a new seed there (so that randomness after it differs from the rolled-back
 * run's) — live and in a replay alike, where the run id is not to be trusted (a replayer runs a
 * history under the id of its first run). The seed is read from the SDK's activator, the one place
 * it is kept (pinned SDK; `randomnessSeed` is a public field of that class). The resync is asked
 * through `patched()`, so a history recorded before replays as it ran.
 */
import { condition, patched, workflowInfo } from '@temporalio/workflow';
import { getActivator } from '@temporalio/workflow/lib/global-attributes';
import { activities, addEvent, beginStep, commit, type ProcessCore } from './core';

const RESYNC_PATCH = 'records-resync-after-reset';

/** The seed this run's numbering matches: the run's own at its start, the new one after a resync. */
const seeds = new WeakMap<ProcessCore, string>();
/** The resync under way, shared by the handlers and the watcher that may ask for it at once. */
const resyncs = new WeakMap<ProcessCore, Promise<void>>();

function currentSeed(): string {
  return getActivator().randomnessSeed.join(',');
}

/**
 * Whether a reset point has passed since the numbering was last brought past the records'.
 * Synchronous, and free of commands while no reset happened, so the histories recorded before
 * replay exactly as they ran.
 */
function resyncPending(core: ProcessCore): boolean {
  const seen = seeds.get(core);
  return seen !== undefined && seen !== currentSeed() && patched(RESYNC_PATCH);
}

/** Resyncs once per reset point: the numbering past the records', then the ledger step. */
function resyncAfterReset(core: ProcessCore): Promise<void> {
  let running = resyncs.get(core);
  if (!running) {
    seeds.set(core, currentSeed());
    running = resync(core).finally(() => resyncs.delete(core));
    resyncs.set(core, running);
  }
  return running;
}

/**
 * The resync a step must wait for before it is numbered: one under way, or one a reset point just
 * made due. Nothing (no await, no command) on a run that was not reset.
 */
export function resyncDue(core: ProcessCore): Promise<void> | undefined {
  return resyncs.get(core) ?? (resyncPending(core) ? resyncAfterReset(core) : undefined);
}

async function resync(core: ProcessCore): Promise<void> {
  const recorded = await activities.recordedSeq({ processId: core.processId, chainId: core.chainId });
  core.seq = Math.max(core.seq, recorded);
  const step = beginStep(core);
  const open = core.openTasks.map((task) => task.id);
  addEvent(core, step, 'recordsResynced', null, { runId: workflowInfo().runId, recordedSeq: recorded, openTasks: open });
  step.resync = { openTaskIds: open };
  await commit(core, step);
}

/**
 * Started with every run's core: notes the run's seed, then resyncs at each reset point the run
 * passes, whether or not an action comes (a reset that dropped the updates leaves the ledger wrong
 * until then).
 */
export function watchForReset(core: ProcessCore): void {
  seeds.set(core, currentSeed());
  void (async () => {
    for (;;) {
      await condition(() => resyncPending(core));
      await resyncAfterReset(core);
    }
  })();
}
