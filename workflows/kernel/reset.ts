/**
 * A process reset by an operator (`temporal workflow reset`) runs on from an earlier point, in a new
 * run, while the records keep what the rolled-back steps wrote: their step numbers, task ids and
 * timeline events would be numbered again. Before such a run writes its first step it resyncs: it
 * reads how far the records' numbering went, numbers on past it, and writes one step that brings the
 * task ledger in line with the tasks it holds open (the timeline says so).
 *
 * A reset run is known by its run id: a reset changes it but keeps the one on the started event.
 * Everything before the reset point replays as recorded, so the resync is asked through `patched()`:
 * false while replaying what the earlier run recorded, true from the first task the reset run runs
 * live, and replayed by its marker after that.
 */
import { condition, patched, workflowInfo } from '@temporalio/workflow';
import { activities, addEvent, beginStep, commit, type ProcessCore } from './core';

const RESYNC_PATCH = 'records-resync-after-reset';

/** One resync per run, shared by the handlers and the watcher that may ask for it at once. */
const resyncs = new WeakMap<ProcessCore, Promise<void>>();

function onResetRun(): boolean {
  const info = workflowInfo();
  return info.runId !== info.originalExecutionRunId;
}

/**
 * Whether this step must wait for a resync. Synchronous and free of commands on every run that was
 * not reset, so the histories recorded before replay exactly as they ran.
 */
export function resyncPending(core: ProcessCore): boolean {
  return onResetRun() && core.resyncedRun !== workflowInfo().runId && patched(RESYNC_PATCH);
}

/** Resyncs once per run: the numbering past the records', then the ledger step. */
export function resyncAfterReset(core: ProcessCore): Promise<void> {
  let running = resyncs.get(core);
  if (!running) {
    running = resync(core);
    resyncs.set(core, running);
  }
  return running;
}

async function resync(core: ProcessCore): Promise<void> {
  const runId = workflowInfo().runId;
  const recorded = await activities.recordedSeq({ processId: core.processId, chainId: core.chainId });
  core.seq = Math.max(core.seq, recorded);
  core.resyncedRun = runId;
  const step = beginStep(core);
  addEvent(core, step, 'recordsResynced', null, { runId, recordedSeq: recorded, openTasks: core.openTasks.map((task) => task.id) });
  step.resync = { openTaskIds: core.openTasks.map((task) => task.id) };
  await commit(core, step);
}

/**
 * Started with every process's core: on a reset run it resyncs at the first task the run runs live,
 * whether or not an action comes (a reset that dropped the updates leaves the ledger wrong until then).
 */
export function watchForReset(core: ProcessCore): void {
  if (!onResetRun()) return;
  void (async () => {
    await condition(() => core.resyncedRun === workflowInfo().runId || resyncPending(core));
    if (core.resyncedRun !== workflowInfo().runId) await resyncAfterReset(core);
  })();
}
