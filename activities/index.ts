import type { Db } from '../store/db';
import { createCatalogActivities } from './catalog';
import { createPolicyActivities } from './policy';
import { createRecordActivities, type RecordFaults } from './records';
import { createStatisticsActivities } from './statistics';

/** Every activity the worker registers, built over the records store. */
export function createActivities(db: Db, faults?: RecordFaults) {
  return { ...createPolicyActivities(db), ...createCatalogActivities(db), ...createRecordActivities(db, faults), ...createStatisticsActivities(db) };
}

export type Activities = ReturnType<typeof createActivities>;
