/**
 * P5: the monthly statistics snapshot. The `statistics-monthly` Temporal Schedule starts it early on
 * the first of each month for the month just ended; an FTZ or city admin may start it for a given
 * month. The activity writes the snapshot once: a second run for the same month returns the stored one.
 */
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Actor } from '../domain/identity';
import { previousPeriod } from '../domain/statistics';

// Counting a month reads every register: longer than a step's 10 s, and retried like one.
const { takeStatisticsSnapshot } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

export interface StatisticsSnapshotArgs {
  /** The month to snapshot; without it, the month before the workflow started (China time). */
  period?: string;
  trigger: 'schedule' | 'request';
  takenBy?: Actor;
}

export interface StatisticsSnapshotResult {
  period: string;
  created: boolean;
  takenAt: string;
}

export async function statisticsSnapshot(args: StatisticsSnapshotArgs): Promise<StatisticsSnapshotResult> {
  const period = args.period ?? previousPeriod(workflowInfo().startTime.getTime());
  const { created, snapshot } = await takeStatisticsSnapshot({
    period,
    trigger: args.trigger,
    takenBy: args.takenBy ?? null,
    processId: workflowInfo().workflowId,
  });
  return { period, created, takenAt: snapshot.takenAt };
}
