/** The zone registry as the API reads it: zones, their memorandum versions, the names of their areas' units. Rows are parsed, not cast. */
import { z } from 'zod';
import type { Queryable } from './db';
import { firstOf, instant, json, numberish, rowsOf } from './rows';

const zoneRow = z.object({
  code: z.string(),
  name: z.string(),
  status: z.string(),
  memorandum_version: z.number(),
  area_km2: numberish,
  boundary: json,
  body: json,
  org_id: z.string().nullable(),
  process_id: z.string(),
  established_at: instant,
  updated_at: instant,
  suspended_day: z.string().nullable(),
  terminated_day: z.string().nullable(),
  approval: z.object({ documentNumber: z.string(), approvedOn: z.string() }).nullable(),
});
export type ZoneRow = z.infer<typeof zoneRow>;

const ZONE_SELECT = `SELECT *, to_char(suspended_on, 'YYYY-MM-DD') AS suspended_day, to_char(terminated_on, 'YYYY-MM-DD') AS terminated_day FROM zones`;

/** The zones (in one status when named), by code. */
export function zoneRows(q: Queryable, status: string | null): Promise<ZoneRow[]> {
  return rowsOf(q, zoneRow, `${ZONE_SELECT} WHERE ($1::text IS NULL OR status = $1) ORDER BY code`, [status]);
}

/** One zone; null when the county is no zone. */
export function zoneByCode(q: Queryable, code: string): Promise<ZoneRow | null> {
  return firstOf(q, zoneRow, `${ZONE_SELECT} WHERE code = $1`, [code]);
}

const memorandumRow = z.object({ version: z.number(), status: z.string(), content: json, signatures: json, drafted_at: instant });

/** The memorandum versions of a zone's establishment, in the order drafted. */
export function memorandumRows(q: Queryable, processId: string, countyCode: string): Promise<z.infer<typeof memorandumRow>[]> {
  return rowsOf(
    q,
    memorandumRow,
    `SELECT m.version, m.status, m.content, m.signatures, m.drafted_at FROM memoranda m
       WHERE m.process_id = $1 AND m.county_code = $2 ORDER BY m.drafted_at, m.version`,
    [processId, countyCode],
  );
}

/** The names of divisions by code. */
export function divisionNames(q: Queryable, codes: string[]): Promise<{ code: string; name_zh: string }[]> {
  return rowsOf(q, z.object({ code: z.string(), name_zh: z.string() }), 'SELECT code, name_zh FROM divisions WHERE code = ANY($1)', [
    codes,
  ]);
}

/** The names of parks by id, each flagged when it is demonstration data. */
export function parkNames(q: Queryable, ids: string[]): Promise<{ id: string; name_zh: string; demo: boolean }[]> {
  return rowsOf(
    q,
    z.object({ id: z.string(), name_zh: z.string(), demo: z.boolean() }),
    'SELECT id, name_zh, demo FROM parks WHERE id = ANY($1)',
    [ids],
  );
}
