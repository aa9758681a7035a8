import {
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptionsAction,
  type ScheduleSpec,
} from '@temporalio/client';
import type { StatisticsSnapshotArgs } from '../workflows/statistics-snapshot';

export const STATISTICS_SCHEDULE_ID = 'statistics-monthly';

/**
 * 01:00 UTC on the first of each month is 09:00 that day in China (UTC+8 all year): the month just
 * ended, in China time, is over for every register. UTC needs no time-zone data on the engine.
 */
const MONTHLY: ScheduleSpec = { calendars: [{ dayOfMonth: 1, hour: 1, minute: 0 }] };

function snapshotAction(taskQueue: string): ScheduleOptionsAction {
  const args: [StatisticsSnapshotArgs] = [{ trigger: 'schedule' }];
  // The schedule appends the time of each start to this id.
  return { type: 'startWorkflow', workflowType: 'statisticsSnapshot', workflowId: 'statistics-snapshot', taskQueue, args };
}

/**
 * Creates the monthly snapshot schedule, or brings an existing one to this release's spec and task
 * queue: safe to run at every start and setup. A snapshot missed while the engine was down is taken
 * when it returns (catch-up window of a month); overlapping runs are skipped (a month is taken once anyway).
 */
export async function ensureStatisticsSchedule(
  client: Client,
  options: { taskQueue: string; scheduleId?: string },
): Promise<'created' | 'updated'> {
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '31 days' as const };
  return ensureSchedule(client, options.scheduleId ?? STATISTICS_SCHEDULE_ID, {
    spec: MONTHLY,
    action: snapshotAction(options.taskQueue),
    policies,
  });
}

/** Creates a schedule, or brings an existing one to this release's spec, action and policies. */
async function ensureSchedule(
  client: Client,
  scheduleId: string,
  wanted: {
    spec: ScheduleSpec;
    action: ScheduleOptionsAction;
    policies: { overlap: ScheduleOverlapPolicy; catchupWindow: `${number} ${'days' | 'minute'}` };
  },
): Promise<'created' | 'updated'> {
  try {
    await client.schedule.create({ scheduleId, ...wanted });
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, ...wanted }));
    return 'updated';
  }
}

export const SWEEP_SCHEDULE_ID = 'closed-runs-sweep';

/** The sweep of tasks left open by runs that ended from outside (workflows/closed-runs-sweep.ts), every minute. */
export async function ensureSweepSchedule(client: Client, options: { taskQueue: string }): Promise<'created' | 'updated'> {
  return ensureSchedule(client, SWEEP_SCHEDULE_ID, {
    spec: { intervals: [{ every: '1 minute' }] },
    action: { type: 'startWorkflow', workflowType: 'closedRunsSweep', workflowId: 'closed-runs-sweep', taskQueue: options.taskQueue },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
  });
}
