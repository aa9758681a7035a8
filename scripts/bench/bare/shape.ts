import type { WorkflowHandle } from '@temporalio/client';
import { OPENED_UPDATE } from '../../../domain/actions';
import type { BareShape } from './workflow';

/** The marker the SDK records for a local activity's result. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

type Event = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];

/**
 * The shape of a recorded history: activities scheduled and timers started before the first
 * human step's update, then after each such update was accepted. Read from one of our own runs, so the bare
 * workflow follows whatever the product's workflow does today. A local activity (a short read run
 * inside the workflow task, recorded as a marker) counts as the activity a naive workflow of the
 * same business shape would schedule for it: the bare side stays that naive workflow, and what the
 * product saves by asking the engine for less shows in the ratio.
 */
export function shapeOf(events: Event[]): BareShape & { events: number } {
  const shape: BareShape & { events: number } = { start: { activities: 0, timers: 0, upserts: 0 }, updates: [], events: events.length };
  let part = shape.start;
  for (const event of events) {
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes;
    // The launch's `opened` update is how our start answers its first tasks (api/launch.ts), not a
    // human step: the bare workflow's start, which answers at once, stands for it.
    if (accepted && accepted.acceptedRequest?.input?.name !== OPENED_UPDATE) {
      part = { activities: 0, timers: 0, upserts: 0 };
      shape.updates.push(part);
    } else if (event.activityTaskScheduledEventAttributes || event.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER) {
      part.activities++;
    } else if (event.timerStartedEventAttributes) {
      part.timers++;
    } else if (event.upsertWorkflowSearchAttributesEventAttributes) {
      part.upserts = (part.upserts ?? 0) + 1;
    }
  }
  return shape;
}

export const totals = (shape: BareShape) => ({
  activities: shape.start.activities + shape.updates.reduce((n, u) => n + u.activities, 0),
  timers: shape.start.timers + shape.updates.reduce((n, u) => n + u.timers, 0),
  upserts: (shape.start.upserts ?? 0) + shape.updates.reduce((n, u) => n + (u.upserts ?? 0), 0),
  updates: shape.updates.length,
});

/** The same shape without search-attribute upserts: the "same activities, updates and timers". */
export const withoutUpserts = (shape: BareShape): BareShape => ({
  start: { ...shape.start, upserts: 0 },
  updates: shape.updates.map((u) => ({ ...u, upserts: 0 })),
});
