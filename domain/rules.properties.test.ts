import fc from 'fast-check';
import { calendars as seeded } from '../seeds/calendars';
import { addWorkingDays, isWorkingDay, workingDaysBetween, type Calendars } from './calendar';
import { zoneName } from './names';
import { usccCheckCharacter, usccProblem } from './uscc';

/**
 * Properties of the pure rules, over generated inputs: the examples beside each rule pin known
 * dates and codes; these say what must hold for every one.
 */
const calendars: Calendars = Object.fromEntries(seeded.map((c) => [c.year, c]));
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Start days in the years the State Council has published (2025, 2026); 40 working days reach into 2027 at most.
const day = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const days = fc.integer({ min: 0, max: 40 });

describe('working days, for every start and count', () => {
  test('n working days later is a working day, and exactly n working days lie between', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 40 }), (start, n) => {
        const { date } = addWorkingDays(start, n, calendars);
        expect(isWorkingDay(date, calendars)).toBe(true);
        expect(workingDaysBetween(start, date, calendars)).toBe(n);
      }),
    );
  });

  test('adding a then b working days is adding a + b, and one more day always ends later', () => {
    fc.assert(
      fc.property(day, days, days, (start, a, b) => {
        const first = addWorkingDays(start, a, calendars).date;
        expect(addWorkingDays(first, b, calendars).date).toBe(addWorkingDays(start, a + b, calendars).date);
        expect(addWorkingDays(start, a + 1, calendars).date > addWorkingDays(start, a, calendars).date).toBe(true);
      }),
    );
  });

  test('holidays never count and make-up weekends (调休) always do', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeded), (year) => {
        for (const holiday of year.holidays) expect(isWorkingDay(holiday, calendars)).toBe(false);
        for (const workday of year.workdays) expect(isWorkingDay(workday, calendars)).toBe(true);
      }),
    );
  });
});

describe('unified social credit codes, for every code', () => {
  const first17 = fc.array(fc.constantFrom(...ALPHABET), { minLength: 17, maxLength: 17 }).map((chars) => chars.join(''));

  test('17 characters and their check character make a valid code', () => {
    fc.assert(fc.property(first17, (body) => expect(usccProblem(body + usccCheckCharacter(body))).toBeNull()));
  });

  test('any one character changed is caught by the check', () => {
    fc.assert(
      fc.property(first17, fc.nat({ max: 17 }), fc.constantFrom(...ALPHABET), (body, at, replacement) => {
        const code = body + usccCheckCharacter(body);
        fc.pre(code[at] !== replacement);
        expect(usccProblem(code.slice(0, at) + replacement + code.slice(at + 1))).toBe('check');
      }),
    );
  });
});

describe('zone names', () => {
  test('each county name gives its own zone name, in the form the policy prescribes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ minLength: 1, maxLength: 12 }), (a, b) => {
        expect(zoneName(a)).toBe(`营口自贸片区${a}协同发展示范区`);
        if (a !== b) expect(zoneName(a)).not.toBe(zoneName(b));
      }),
    );
  });
});
