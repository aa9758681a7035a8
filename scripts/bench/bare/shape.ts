import type { WorkflowHandle } from '@temporalio/client';
import type { BareShape } from './workflow';

type Event = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];

/**
 * The shape of a recorded history: activities scheduled and timers started before the first
 * update, then after each update was accepted. Read from one of our own runs, so the bare
 * workflow follows whatever the product's workflow does today.
 */
export function shapeOf(events: Event[]): BareShape & { events: number } {
  const shape: BareShape & { events: number } = { start: { activities: 0, timers: 0, upserts: 0 }, updates: [], events: events.length };
  let part = shape.start;
  for (const event of events) {
    if (event.workflowExecutionUpdateAcceptedEventAttributes) {
      part = { activities: 0, timers: 0, upserts: 0 };
      shape.updates.push(part);
    } else if (event.activityTaskScheduledEventAttributes) {
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
