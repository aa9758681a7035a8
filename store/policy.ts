import type { Calendars, YearCalendar } from '../domain/calendar';
import type { PolicyKey } from '../seeds/policies';
import { z } from 'zod';
import type { Queryable } from './db';
import { firstOf } from './rows';

/** A policy value: the one narrowed to `scope` (a county code) if there is one, else the default. */
export async function readPolicy(q: Queryable, key: PolicyKey, scope: string): Promise<unknown> {
  const rows = await q.query<{ value: unknown }>(
    `SELECT value FROM policies WHERE key = $1 AND scope IN ($2, '*') ORDER BY scope = '*' LIMIT 1`,
    [key, scope],
  );
  if (!rows.length) throw new Error(`policy ${key} is not configured`);
  return rows[0].value;
}

export async function readCalendars(q: Queryable): Promise<Calendars> {
  const rows = await q.query<YearCalendar>('SELECT year, holidays, workdays, provisional, source FROM calendar_years ORDER BY year');
  return Object.fromEntries(rows.map((row) => [row.year, row]));
}

/** A county's own setting of a policy, if it has one (it then overrides per-item defaults). */
export async function scopedPolicy(q: Queryable, key: PolicyKey, scope: string): Promise<unknown> {
  const [row] = await q.query<{ value: unknown }>('SELECT value FROM policies WHERE key = $1 AND scope = $2', [key, scope]);
  return row?.value;
}

const calendarRow = z.object({
  year: z.number(),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  provisional: z.boolean(),
  source: z.string(),
});

/** One year's working-day calendar; null when the year has none. */
export function calendarYear(q: Queryable, year: number): Promise<z.infer<typeof calendarRow> | null> {
  return firstOf(q, calendarRow, 'SELECT year, holidays, workdays, provisional, source FROM calendar_years WHERE year = $1', [year]);
}
