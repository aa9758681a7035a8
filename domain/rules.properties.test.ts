import fc from 'fast-check';
import { calendars as seeded } from '../seeds/calendars';
import { addWorkingDays, isWorkingDay, workingDaysBetween, type Calendars } from './calendar';
import { zoneName } from './names';
import {
  fullUsccProblem,
  ISSUED_DIVISION,
  ISSUED_KIND,
  issueUscc,
  organisationCodeCheckCharacter,
  usccCheckCharacter,
  usccProblem,
} from './uscc';

/**
 * Properties of the pure rules, over generated inputs: the examples beside each rule pin known
 * dates and codes; these say what must hold for every one.
 */
const calendars: Calendars = Object.fromEntries(seeded.map((c) => [c.year, c]));
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Start days in the years the State Council has published (2025, 2026); 40 working days reach into 2027 at most.
const day = fc
  .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
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
  const chars = (n: number) => fc.array(fc.constantFrom(...ALPHABET), { minLength: n, maxLength: n }).map((c) => c.join(''));
  // Eight characters, then their GB 11714 check: the organisation code a valid USCC carries at 9–17.
  const first17 = fc.tuple(chars(8), chars(8)).map(([head, body]) => head + body + organisationCodeCheckCharacter(body));

  test('17 characters and their check character make a valid code', () => {
    fc.assert(fc.property(first17, (body) => expect(fullUsccProblem(body + usccCheckCharacter(body))).toBeNull()));
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

describe('codes this system issues', () => {
  test('10,000 issued USCCs pass GB 32100 and carry a GB 11714 organisation code, a company first registered in Yingkou', () => {
    fc.assert(
      fc.property(fc.uuid(), (uuid) => {
        const code = issueUscc(uuid.replace(/-/g, ''));
        expect(fullUsccProblem(code)).toBeNull();
        expect(organisationCodeCheckCharacter(code.slice(8, 16))).toBe(code[16]);
        expect(code.slice(0, 2)).toBe(ISSUED_KIND);
        expect(code.slice(2, 8)).toBe(ISSUED_DIVISION);
      }),
      { numRuns: 10_000 },
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
