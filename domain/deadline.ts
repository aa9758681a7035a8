import { z } from 'zod';
import { builtOnFirstUse } from './schemas';
import { addWorkingDays, chinaDate, endOfChinaDay, type Calendars } from './calendar';

/**
 * How long a step may take, as policy configuration. Statutory periods are working days;
 * `seconds` serves tests and demonstrations, where a real period would take weeks.
 */
export const periodSchema = builtOnFirstUse(() =>
  z.union([
    z.object({ workingDays: z.number().int().min(1).max(400) }).strict(),
    z
      .object({
        seconds: z
          .number()
          .int()
          .min(1)
          .max(86_400 * 400),
      })
      .strict(),
    /** Calendar days, e.g. a rectification order's two months: due at the end of the last day. */
    z.object({ days: z.number().int().min(1).max(1100) }).strict(),
  ]),
);
export type Period = z.infer<typeof periodSchema>;

/** A type, not an interface: a process's view carries it, and views fit `processViewSchema` (index signature). */
export type Deadline = {
  startsAt: string;
  reminderAt: string;
  dueAt: string;
  /** The period in words, e.g. `30 working days`. */
  period: string;
  provisional: boolean;
  /**
   * The policy period it was planned from. A local activity's history marker keeps its result but not
   * its input, so the auditor's timeline names a deadline by this.
   */
  policyKey?: string;
};

export function describePeriod(period: Period): string {
  if ('workingDays' in period) return `${period.workingDays} working days`;
  return 'days' in period ? `${period.days} days` : `${period.seconds} seconds`;
}

/** The deadline of a period started at `start`, with its reminder half-way. */
export function computeDeadline(start: Date, period: Period, calendars: Calendars): Deadline {
  let due: Date;
  let provisional = false;
  if ('workingDays' in period) {
    const result = addWorkingDays(chinaDate(start), period.workingDays, calendars);
    due = endOfChinaDay(result.date);
    provisional = result.provisional;
  } else if ('days' in period) {
    due = endOfChinaDay(chinaDate(new Date(start.getTime() + period.days * 86_400_000)));
  } else {
    due = new Date(start.getTime() + period.seconds * 1000);
  }
  const reminder = new Date(start.getTime() + (due.getTime() - start.getTime()) / 2);
  return {
    startsAt: start.toISOString(),
    reminderAt: reminder.toISOString(),
    dueAt: due.toISOString(),
    period: describePeriod(period),
    provisional,
  };
}
