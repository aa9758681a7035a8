/**
 * Working-day arithmetic (工作日) over a per-year calendar that is data, not code.
 * Statutory periods exclude the start day, skip weekends and public holidays, and count
 * make-up working weekends (调休). China keeps one fixed offset (UTC+8, no daylight saving),
 * so dates are computed without time-zone libraries and stay deterministic in workflow code.
 */
export interface YearCalendar {
  year: number;
  /** Days off that would otherwise be working days, `YYYY-MM-DD`. */
  holidays: string[];
  /** Weekend days that are working days, `YYYY-MM-DD`. */
  workdays: string[];
  /** True while only the statutory days are known and the State Council's arrangement is not. */
  provisional: boolean;
  source: string;
}

export type Calendars = Record<number, YearCalendar>;

export class CalendarMissingError extends Error {
  constructor(readonly year: number) {
    super(`no working-day calendar for ${year}`);
    this.name = 'CalendarMissingError';
  }
}

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The calendar date in China of an instant, `YYYY-MM-DD`. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last second of a China calendar date, as an instant. */
export function endOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T23:59:59.000+08:00`));
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, calendars: Calendars): boolean {
  const year = Number(date.slice(0, 4));
  const calendar = calendars[year];
  if (!calendar) throw new CalendarMissingError(year);
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export interface WorkingDayResult {
  date: string;
  /** True when any day counted lies in a provisional calendar year. */
  provisional: boolean;
}

/** The date `n` working days after `start` (the start day itself is not counted). */
export function addWorkingDays(start: string, n: number, calendars: Calendars): WorkingDayResult {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let date = start;
  let provisional = false;
  for (let counted = 0; counted < n;) {
    date = nextDate(date);
    if (isWorkingDay(date, calendars)) counted++;
    provisional ||= calendars[Number(date.slice(0, 4))].provisional;
  }
  return { date, provisional };
}

/** Working days from `from` (excluded) up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string, calendars: Calendars): number {
  let count = 0;
  for (let date = from; date < to;) {
    date = nextDate(date);
    if (isWorkingDay(date, calendars)) count++;
  }
  return count;
}
