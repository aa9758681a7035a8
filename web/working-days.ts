import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { chinaDate, workingDaysBetween, type Calendars, type YearCalendar } from '../domain/calendar';

/** The calendars of this year and the next, for "n working days left" in the inbox. */
export function useCalendars(): Calendars | undefined {
  const [calendars, setCalendars] = useState<Calendars>();
  useEffect(() => {
    const year = new Date().getFullYear();
    void Promise.all([year, year + 1].map((y) => api<YearCalendar>('GET', `/api/calendar/${y}`).catch(() => undefined))).then((years) =>
      setCalendars(Object.fromEntries(years.filter(Boolean).map((c) => [c!.year, c!]))),
    );
  }, []);
  return calendars;
}

/** Working days from today until the due date, or undefined where no calendar covers it. */
export function workingDaysLeft(dueAt: string, calendars: Calendars | undefined): number | undefined {
  if (!calendars) return undefined;
  try {
    return workingDaysBetween(chinaDate(new Date()), chinaDate(new Date(dueAt)), calendars);
  } catch {
    return undefined;
  }
}
