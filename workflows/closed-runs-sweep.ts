/**
 * The housekeeping that no process can do for itself: the `closed-runs-sweep` Temporal Schedule
 * starts it every minute to cancel the open tasks of runs that ended without closing them (an
 * operator's terminate, a reset). The activity asks the engine and writes the records, once per task.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

const { cancelTasksOfClosedRuns } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 5 },
});

export async function closedRunsSweep(): Promise<{ processes: number; cancelled: number }> {
  return cancelTasksOfClosedRuns();
}
