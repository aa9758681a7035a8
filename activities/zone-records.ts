import type { Queryable } from '../store/db';
import type { Step, ZoneEnded } from './step';

/** The zone's own record: its status, and since when it is suspended or the day it ended. */
export async function writeZone(tx: Queryable, step: Step, day: string): Promise<void> {
  const z = step.zone!;
  await tx.query(
    `INSERT INTO zones (code, name, status, memorandum_version, area_km2, boundary, body, org_id, process_id,
       established_at, updated_at, approval)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (code) DO UPDATE SET name = $2, status = $3, memorandum_version = $4, area_km2 = $5,
       boundary = $6, body = $7, org_id = $8, process_id = $9, established_at = $10, updated_at = $11, approval = $12`,
    [
      z.code,
      z.name,
      z.status,
      z.memorandumVersion,
      z.areaKm2,
      JSON.stringify(z.boundary),
      z.body === undefined ? null : JSON.stringify(z.body),
      z.orgId ?? null,
      step.processId,
      z.establishedAt,
      step.at,
      z.approval ? JSON.stringify(z.approval) : null,
    ],
  );
  // A suspension holds from its first day until resumption; a termination keeps its day.
  await tx.query(
    `UPDATE zones SET
       suspended_on = CASE WHEN status = 'SUSPENDED' THEN coalesce(suspended_on, $2::date) ELSE NULL END,
       terminated_on = CASE WHEN status = 'TERMINATED' THEN coalesce(terminated_on, $2::date) ELSE NULL END
     WHERE code = $1`,
    [z.code, day],
  );
}

/**
 * A terminated zone's agreements end on its day, with its reason, in the same transaction: the
 * authority rule answers no from that day whatever the agreement processes are doing. Returned: the
 * agreement processes to tell, and the registrations still waiting for the county's consent, to refuse.
 */
export async function endZone(tx: Queryable, step: Step): Promise<ZoneEnded> {
  const end = step.zoneEnd!;
  const reason = `zone ${end.zoneCode} terminated on ${end.terminatedOn}: ${end.reason}`;
  const ended = await tx.query<{ process_id: string }>(
    `UPDATE agreements SET status = 'TERMINATED', terminated_on = $2, termination_reason = $3, updated_at = $4
     WHERE zone_code = $1 AND status IN ('NEGOTIATING', 'SIGNED', 'IN_FORCE')
     RETURNING process_id`,
    [end.zoneCode, end.terminatedOn, reason, step.at],
  );
  // Agreements launched but not yet drafted have no record, only their open task.
  const undrafted = await tx.query<{ process_id: string }>(
    `SELECT DISTINCT process_id FROM tasks
     WHERE process_type = 'delegation-agreement' AND status = 'open' AND context->>'zoneCode' = $1`,
    [end.zoneCode],
  );
  const registrations = await tx.query<{ process_id: string }>(
    `SELECT DISTINCT process_id FROM tasks
     WHERE process_type = 'entity-registration' AND status = 'open' AND action = 'consentRegistration' AND org_id = $1`,
    [`gov-${end.zoneCode}`],
  );
  const agreements = [...new Set([...ended, ...undrafted].map((r) => r.process_id))];
  return { ...end, agreementProcesses: agreements, registrationProcesses: registrations.map((r) => r.process_id) };
}

/** A signed version's area, once: a retried step finds it written. */
export async function writeZoneArea(tx: Queryable, step: Step): Promise<void> {
  const a = step.zoneArea!;
  await tx.query(
    `INSERT INTO zone_areas (zone_code, memorandum_version, effective_from, township_codes, park_ids, area_km2, description, process_id, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (zone_code, memorandum_version) DO NOTHING`,
    [a.zoneCode, a.memorandumVersion, a.effectiveFrom, a.townshipCodes, a.parkIds, a.areaKm2, a.description, step.processId, step.at],
  );
}
