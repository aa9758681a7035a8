/**
 * Terms are counted in calendar days. A policy clock maps workflow time to the days of a term, so
 * tests and demonstrations can run a day in a fraction of a second while production runs on real
 * days (dayLengthMs = 86 400 000, the identity).
 */
export interface PolicyClock {
  /** Workflow time (ms) when the clock was set. */
  realAnchor: number;
  /** The instant (ms) the clock read then. */
  virtualAnchor: number;
  dayLengthMs: number;
}

const DAY_MS = 86_400_000;

export function startClock(now: number, dayLengthMs: number): PolicyClock {
  return { realAnchor: now, virtualAnchor: now, dayLengthMs };
}

/** The instant the clock reads at workflow time `now`. */
export function clockReading(clock: PolicyClock, now: number): number {
  return clock.virtualAnchor + ((now - clock.realAnchor) * DAY_MS) / clock.dayLengthMs;
}

/** Milliseconds of workflow time until the clock reads the start (00:00 in China) of `date`. */
export function msUntilDayStarts(clock: PolicyClock, now: number, date: string): number {
  const target = Date.parse(`${date}T00:00:00+08:00`);
  return Math.max(1, ((target - clockReading(clock, now)) * clock.dayLengthMs) / DAY_MS);
}
