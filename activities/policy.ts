import type { Calendars, YearCalendar } from '../domain/calendar';
import { computeDeadline, periodSchema, type Deadline } from '../domain/deadline';
import type { Db } from '../store/db';
import type { PolicyKey } from '../seeds/policies';
import { notRetryable } from './records';

/** Reads policy, divisions and the calendar: what a workflow needs to know before it acts. */
export function createPolicyActivities(db: Db) {
  async function policy(key: PolicyKey, scope: string): Promise<unknown> {
    const rows = await db.query<{ value: unknown }>(
      `SELECT value FROM policies WHERE key = $1 AND scope IN ($2, '*') ORDER BY scope = '*' LIMIT 1`,
      [key, scope],
    );
    if (!rows.length) throw notRetryable(`policy ${key} is not configured`, 'PolicyMissing');
    return rows[0].value;
  }

  async function calendars(): Promise<Calendars> {
    const rows = await db.query<YearCalendar>(
      'SELECT year, holidays, workdays, provisional, source FROM calendar_years ORDER BY year',
    );
    return Object.fromEntries(rows.map((row) => [row.year, row]));
  }

  return {
    async prepareZoneEstablishment(input: { countyCode: string; startedAt: string }): Promise<{
      countyName: string;
      signingDeadline: Deadline;
      historyEventLimit: number;
    }> {
      const [county] = await db.query<{ name_zh: string }>(
        `SELECT name_zh FROM divisions WHERE code = $1 AND level = 'county' AND valid_to IS NULL`,
        [input.countyCode],
      );
      if (!county) throw notRetryable(`${input.countyCode} is not a county of Yingkou`, 'UnknownCounty');
      const period = periodSchema.parse(await policy('memorandum.signingPeriod', input.countyCode));
      let signingDeadline: Deadline;
      try {
        signingDeadline = computeDeadline(new Date(input.startedAt), period, await calendars());
      } catch (error) {
        throw notRetryable(String((error as Error).message), 'CalendarMissing');
      }
      const historyEventLimit = Number(await policy('workflow.historyEventLimit', input.countyCode));
      return { countyName: county.name_zh, signingDeadline, historyEventLimit };
    },
  };
}

export type PolicyActivities = ReturnType<typeof createPolicyActivities>;
