/**
 * The facts launch eligibility decides over (domain/eligibility.ts), read from the records; rows are
 * parsed, not cast, so a column that changes shape fails here rather than deep in a rule.
 */
import { z } from 'zod';
import type { IndicatorsInput } from '../domain/economic-indicators';
import type { LaunchCase, LaunchType, PenaltyFacts, PilotFacts, RegistrationFacts, ZoneState } from '../domain/eligibility';
import { orgIds } from '../domain/names';
import type { PenaltyInput } from '../domain/penalties';
import type { PilotInput } from '../domain/pilots';
import type { Application } from '../domain/registration';
import type { SupervisionInput } from '../domain/supervision';
import type { Queryable } from './db';

const statusRow = z.object({ status: z.string() });
const processRow = z.object({ process_id: z.string() });
const filedRow = z.object({ process_id: z.string(), status: z.string() });
const caseRow = z.object({ uscc: z.string(), zone_code: z.string(), status: z.string() });
const earlierRow = z.object({ zone_code: z.string(), uscc: z.string(), status: z.string(), withdrawal_reason: z.string().nullable() });
const replacedByRow = z.object({ decision_number: z.string() });
const measureRow = z.object({ delisted_on: z.string().nullable(), delisting_reason: z.string().nullable() });
const townshipRow = z.object({ parent_code: z.string() });
const parkRow = z.object({ county_code: z.string() });

/** The first row parsed by `schema`, or null when there is none. */
async function one<T>(q: Queryable, schema: z.ZodType<T>, sql: string, params: unknown[]): Promise<T | null> {
  const [row] = await q.query(sql, params);
  return row ? schema.parse(row) : null;
}

async function exists(q: Queryable, sql: string, params: unknown[]): Promise<boolean> {
  return (await q.query(sql, params)).length > 0;
}

/** A zone's status; null when the county is no zone. */
export function zoneState(q: Queryable, zoneCode: string): Promise<ZoneState> {
  return one(q, statusRow, 'SELECT status FROM zones WHERE code = $1', [zoneCode]);
}

async function registrationFacts(q: Queryable, input: Application): Promise<RegistrationFacts> {
  const { townshipCode, parkId } = input.residence;
  const [township, park, registered] = await Promise.all([
    one(q, townshipRow, `SELECT parent_code, name_zh FROM divisions WHERE code = $1 AND level = 'township' AND valid_to IS NULL`, [
      townshipCode,
    ]),
    parkId ? one(q, parkRow, 'SELECT county_code, name_zh FROM parks WHERE id = $1 AND valid_to IS NULL', [parkId]) : null,
    input.uscc ? one(q, processRow, `SELECT process_id FROM entities WHERE uscc = $1 AND status = 'REGISTERED'`, [input.uscc]) : null,
  ]);
  return {
    township: township && { countyCode: township.parent_code },
    park: park && { countyCode: park.county_code },
    registered: registered && { processId: registered.process_id },
  };
}

async function penaltyFacts(q: Queryable, input: PenaltyInput): Promise<PenaltyFacts> {
  const byNumber = 'SELECT zone_code, uscc, status, withdrawal_reason FROM penalties WHERE decision_number = $1';
  const [zone, filed, found, earlier, replacedBy, entity] = await Promise.all([
    zoneState(q, input.zoneCode),
    one(q, filedRow, 'SELECT process_id, status FROM penalties WHERE decision_number = $1', [input.decisionNumber]),
    input.caseId ? one(q, caseRow, 'SELECT uscc, zone_code, status FROM penalty_cases WHERE id = $1', [input.caseId]) : null,
    input.replaces ? one(q, earlierRow, byNumber, [input.replaces]) : null,
    input.replaces ? one(q, replacedByRow, 'SELECT decision_number FROM penalties WHERE replaces = $1', [input.replaces]) : null,
    one(q, statusRow, 'SELECT status FROM entities WHERE uscc = $1', [input.decision.uscc]),
  ]);
  return {
    zone,
    filed: filed && { processId: filed.process_id, status: filed.status },
    penaltyCase: found && { uscc: found.uscc, zoneCode: found.zone_code, status: found.status },
    replaced: earlier && {
      zoneCode: earlier.zone_code,
      uscc: earlier.uscc,
      status: earlier.status,
      withdrawalReason: earlier.withdrawal_reason,
    },
    replacedBy: replacedBy && { decisionNumber: replacedBy.decision_number },
    entity,
  };
}

async function pilotFacts(q: Queryable, input: PilotInput): Promise<PilotFacts> {
  const [measure, zoneToDecide] = await Promise.all([
    one(q, measureRow, `SELECT to_char(delisted_on, 'YYYY-MM-DD') AS delisted_on, delisting_reason FROM reform_measures WHERE code = $1`, [
      input.measureCode,
    ]),
    // A measure from a zone's own practice is not offered to that zone.
    exists(
      q,
      `SELECT 1 FROM zones z WHERE z.status = 'ACTIVE'
         AND z.code IS DISTINCT FROM (SELECT origin_zone_code FROM reform_measures WHERE code = $1)
         AND NOT EXISTS (SELECT 1 FROM pilot_decisions d WHERE d.measure_code = $1 AND d.zone_code = z.code AND d.status <> 'PENDING')`,
      [input.measureCode],
    ),
  ]);
  return { measure: measure && { delistedOn: measure.delisted_on, delistingReason: measure.delisting_reason }, zoneToDecide };
}

function indicatorsZoneToReport(q: Queryable, input: IndicatorsInput): Promise<boolean> {
  return exists(
    q,
    `SELECT 1 FROM zones z WHERE z.status = 'ACTIVE' AND NOT EXISTS (
         SELECT 1 FROM indicator_reports r WHERE r.period = $1 AND r.zone_code = z.code AND r.status = 'ACCEPTED')`,
    [input.period],
  );
}

function hasInspector(q: Queryable, input: SupervisionInput): Promise<boolean> {
  return exists(q, `SELECT 1 FROM users WHERE org_id = $1 AND 'staff' = ANY(roles) LIMIT 1`, [orgIds.enforcement(input.zoneCode)]);
}

/**
 * A launch of `type` with its input (parsed by the process's schema) and the facts its rules read;
 * null for a type whose launch has no rules over the records.
 */
export async function launchCase(q: Queryable, type: string, input: unknown): Promise<LaunchCase | null> {
  const fields = input as Record<string, string>;
  const launchType = type as LaunchType;
  switch (launchType) {
    case 'zone-establishment': {
      const [county, liveZone] = await Promise.all([
        exists(q, `SELECT 1 FROM divisions WHERE code = $1 AND level = 'county' AND valid_to IS NULL`, [fields.countyCode]),
        one(q, statusRow, `SELECT status FROM zones WHERE code = $1 AND status <> 'TERMINATED'`, [fields.countyCode]),
      ]);
      return { type: 'zone-establishment', input: input as never, facts: { isCounty: county, liveZone } };
    }
    case 'delegation-agreement':
    case 'reform-practice':
    case 'reform-demand':
      return { type: launchType, input: input as never, facts: { zone: await zoneState(q, fields.zoneCode) } } as LaunchCase;
    case 'entity-registration':
      return { type: 'entity-registration', input: input as Application, facts: await registrationFacts(q, input as Application) };
    case 'penalty-report':
      return { type: 'penalty-report', input: input as PenaltyInput, facts: await penaltyFacts(q, input as PenaltyInput) };
    case 'economic-indicators':
      return {
        type: 'economic-indicators',
        input: input as IndicatorsInput,
        facts: { zoneToReport: await indicatorsZoneToReport(q, input as IndicatorsInput) },
      };
    case 'supervision-plan': {
      const plan = input as SupervisionInput;
      const [zone, inspector] = await Promise.all([zoneState(q, plan.zoneCode), hasInspector(q, plan)]);
      return { type: 'supervision-plan', input: plan, facts: { zone, hasInspector: inspector } };
    }
    case 'pilot-adoption':
      return { type: 'pilot-adoption', input: input as PilotInput, facts: await pilotFacts(q, input as PilotInput) };
    default:
      return null;
  }
}
