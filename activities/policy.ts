import type { Calendars } from '../domain/calendar';
import { computeDeadline, periodSchema, type Deadline, type Period } from '../domain/deadline';
import type { Db } from '../store/db';
import type { PolicyKey } from '../seeds/policies';
import { readCalendars, readPolicy } from '../store/policy';
import { notRetryable } from './records';

/** The deadline of a period from `start`; a year without a calendar fails at once, not by retries. */
export function periodDeadline(start: Date, period: Period, calendars: Calendars): Deadline {
  try {
    return computeDeadline(start, period, calendars);
  } catch (error) {
    throw notRetryable(String((error as Error).message), 'CalendarMissing');
  }
}

/** Reads policy, divisions and the calendar: what a workflow needs to know before it acts. */
export function createPolicyActivities(db: Db) {
  async function policy(key: PolicyKey, scope: string): Promise<unknown> {
    try {
      return await readPolicy(db, key, scope);
    } catch (error) {
      throw notRetryable((error as Error).message, 'PolicyMissing');
    }
  }

  /** A deadline of a policy period from `start`. */
  async function deadline(key: PolicyKey, scope: string, start: string): Promise<Deadline> {
    const period = periodSchema.parse(await policy(key, scope));
    return periodDeadline(new Date(start), period, await readCalendars(db));
  }

  return {
    /** A deadline of the policy period `key`, for the county `scope`, from `start`. */
    planDeadline: async (input: { key: PolicyKey; scope: string; start: string }): Promise<Deadline> => ({
      ...(await deadline(input.key, input.scope, input.start)),
      policyKey: input.key,
    }),

    async prepareAgreement(input: { zoneCode: string }): Promise<AgreementPolicy & { zoneName: string }> {
      const [zone] = await db.query<{ name: string }>('SELECT name FROM zones WHERE code = $1', [input.zoneCode]);
      if (!zone) throw notRetryable(`${input.zoneCode} is not a zone`, 'UnknownZone');
      const scope = input.zoneCode;
      return {
        zoneName: zone.name,
        historyEventLimit: Number(await policy('workflow.historyEventLimit', scope)),
        renewalNoticeDays: Number(await policy('agreement.renewalNoticeDays', scope)),
        dayLengthMs: Number(await policy('agreement.dayLengthMs', scope)),
      };
    },

    /**
     * A measure's adoption: the measure as listed (none when it is not), and the ACTIVE zones yet to
     * decide on it — every one the first time, those that became ACTIVE since when launched again.
     */
    /**
     * A measure that came from a zone's own practice is offered to the other zones only: its origin is
     * named by the launch (`originZoneCode`, before the measure is listed) or by the listed measure.
     */
    async preparePilot(input: { measureCode: string; originZoneCode?: string }): Promise<{
      measure: { titleZh: string; titleEn: string } | null;
      zones: { code: string; name: string }[];
      historyEventLimit: number;
    }> {
      const [measure] = await db.query<{ title_zh: string; title_en: string; origin_zone_code: string | null }>(
        'SELECT title_zh, title_en, origin_zone_code FROM reform_measures WHERE code = $1',
        [input.measureCode],
      );
      const origin = input.originZoneCode ?? measure?.origin_zone_code ?? null;
      const zones = await db.query<{ code: string; name: string }>(
        `SELECT z.code, z.name FROM zones z
         WHERE z.status = 'ACTIVE' AND z.code IS DISTINCT FROM $2 AND NOT EXISTS (
           SELECT 1 FROM pilot_decisions d WHERE d.measure_code = $1 AND d.zone_code = z.code AND d.status <> 'PENDING')
         ORDER BY z.code`,
        [input.measureCode, origin],
      );
      return {
        measure: measure ? { titleZh: measure.title_zh, titleEn: measure.title_en } : null,
        zones,
        historyEventLimit: Number(await policy('workflow.historyEventLimit', '*')),
      };
    },
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
      const signingDeadline = await deadline('memorandum.signingPeriod', input.countyCode, input.startedAt);
      const historyEventLimit = Number(await policy('workflow.historyEventLimit', input.countyCode));
      return { countyName: county.name_zh, signingDeadline, historyEventLimit };
    },
  };
}

export interface AgreementPolicy {
  historyEventLimit: number;
  renewalNoticeDays: number;
  dayLengthMs: number;
}

export type PolicyActivities = ReturnType<typeof createPolicyActivities>;
