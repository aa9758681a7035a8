import { calendars as seeded } from '../seeds/calendars';
import { addWorkingDays, CalendarMissingError, chinaDate, isWorkingDay, workingDaysBetween, type Calendars } from './calendar';
import { computeDeadline } from './deadline';

const calendars: Calendars = Object.fromEntries(seeded.map((c) => [c.year, c]));

describe('working days', () => {
  test('weekends are skipped and the start day is not counted', () => {
    // Friday 2026-03-06 + 1 working day = Monday 2026-03-09.
    expect(addWorkingDays('2026-03-06', 1, calendars)).toEqual({ date: '2026-03-09', provisional: false });
    expect(addWorkingDays('2026-03-09', 5, calendars).date).toBe('2026-03-16');
  });

  test('public holidays are skipped and make-up weekends (调休) count', () => {
    // 2026 Spring Festival: 15–23 Feb off, Saturday 14 Feb and Saturday 28 Feb worked.
    expect(isWorkingDay('2026-02-14', calendars)).toBe(true);
    expect(isWorkingDay('2026-02-16', calendars)).toBe(false);
    expect(isWorkingDay('2026-02-28', calendars)).toBe(true);
    expect(addWorkingDays('2026-02-13', 1, calendars).date).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-14', 1, calendars).date).toBe('2026-02-24');
    // National Day 2025: 1–8 Oct off; Thu 9, Fri 10 and the make-up Saturday 11 Oct are worked.
    expect(addWorkingDays('2025-09-30', 3, calendars).date).toBe('2025-10-11');
  });

  test('counting between two dates agrees with adding', () => {
    const { date } = addWorkingDays('2025-12-20', 30, calendars);
    expect(workingDaysBetween('2025-12-20', date, calendars)).toBe(30);
  });

  test('a deadline reaching into a provisional year is flagged, and a year without a calendar is an error', () => {
    expect(addWorkingDays('2026-12-20', 30, calendars).provisional).toBe(true);
    expect(() => addWorkingDays('2027-12-20', 30, calendars)).toThrow(CalendarMissingError);
    expect(() => addWorkingDays('2026-01-05', -1, calendars)).toThrow(RangeError);
  });

  test('the China date of an instant uses UTC+8', () => {
    expect(chinaDate(new Date('2026-03-06T16:30:00Z'))).toBe('2026-03-07');
    expect(chinaDate(new Date('2026-03-06T15:59:59Z'))).toBe('2026-03-06');
  });
});

describe('deadlines', () => {
  test('30 working days end at the end of the due day in China, with a reminder half-way', () => {
    const start = new Date('2026-03-02T02:00:00Z');
    const deadline = computeDeadline(start, { workingDays: 30 }, calendars);
    // 30 working days after Mon 2 March 2026, with Monday 6 April (Qingming) off: Tue 14 April.
    expect(deadline.dueAt).toBe('2026-04-14T15:59:59.000Z');
    expect(Date.parse(deadline.reminderAt) - start.getTime()).toBe((Date.parse(deadline.dueAt) - start.getTime()) / 2);
    expect(deadline).toMatchObject({ period: '30 working days', provisional: false });
  });

  test('a period in seconds is plain elapsed time', () => {
    const deadline = computeDeadline(new Date('2026-03-02T00:00:00Z'), { seconds: 10 }, calendars);
    expect(deadline).toMatchObject({ dueAt: '2026-03-02T00:00:10.000Z', reminderAt: '2026-03-02T00:00:05.000Z' });
  });
});
