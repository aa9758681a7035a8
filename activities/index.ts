import type { Db } from '../store/db';
import { createCatalogActivities } from './catalog';
import { configuredPorts, createDeliveryActivities, type DeliveryDeps } from './delivery';
import { createHousekeepingActivities } from './housekeeping';
import { createIndicatorActivities } from './indicators';
import { createPenaltyActivities } from './penalties';
import { createPolicyActivities } from './policy';
import { createReformActivities } from './reform';
import { createRecordActivities, type RecordFaults } from './records';
import { createRegistrationActivities } from './registration';
import { createStatisticsActivities } from './statistics';
import { createSupervisionActivities } from './supervision';

/** Every activity the worker registers, built over the records store. */
export function createActivities(db: Db, faults?: RecordFaults, delivery?: DeliveryDeps) {
  return {
    ...createPolicyActivities(db),
    ...createCatalogActivities(db),
    ...createRegistrationActivities(db),
    ...createPenaltyActivities(db),
    ...createStatisticsActivities(db),
    ...createIndicatorActivities(db),
    ...createReformActivities(db),
    ...createSupervisionActivities(db),
    ...createHousekeepingActivities(db),
    ...createRecordActivities(db, faults, configuredPorts(delivery)),
    ...createDeliveryActivities(db, delivery),
  };
}

export type Activities = ReturnType<typeof createActivities>;
