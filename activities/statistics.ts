import type { Actor } from '../domain/identity';
import { periodBounds } from '../domain/statistics';
import type { Db } from '../store/db';
import { takeSnapshot, type Snapshot } from '../store/statistics';
import { notRetryable } from './records';

export interface SnapshotRequest {
  period: string;
  trigger: Snapshot['trigger'];
  takenBy: Actor | null;
  processId: string;
}

/** The monthly statistics snapshot: written once per month, in one transaction with its corrections. */
export function createStatisticsActivities(db: Db) {
  return {
    async takeStatisticsSnapshot(request: SnapshotRequest): Promise<{ created: boolean; snapshot: Snapshot }> {
      // A month still running has no figures to freeze: they would be corrected at once.
      if (Date.parse(periodBounds(request.period).to) > Date.now()) {
        throw notRetryable(`${request.period} is not over yet: a month is snapshotted once it has ended`, 'PeriodNotOver');
      }
      return takeSnapshot(db, { ...request, takenAt: new Date().toISOString() });
    },
  };
}
