/**
 * The division data (counties, townships, parks) and the zones' areas as the records hold them: the
 * facts the pure rules of domain/zone-area.ts decide on.
 */
import { z } from 'zod';
import { refusal, type Refusal } from '../domain/refusals';
import { areaOn, placeInArea, type AreaVersion, type Place } from '../domain/zone-area';
import type { Queryable } from './db';
import { firstOf, numberish, rowsOf } from './rows';

const divisionRow = z.object({
  code: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  level: z.enum(['city', 'county', 'township']),
  parent_code: z.string().nullable(),
  edition: z.string().nullable(),
});

/** Divisions in force: the townships of a county when one is named, all townships for level 'township', else the city and counties. */
export function divisionRows(q: Queryable, county: string | null, level: string): Promise<z.infer<typeof divisionRow>[]> {
  return rowsOf(
    q,
    divisionRow,
    `SELECT code, name_zh, name_en, level, parent_code, edition FROM divisions
       WHERE valid_to IS NULL AND (CASE WHEN $1::text IS NOT NULL THEN parent_code = $1 AND level = 'township'
                                        WHEN $2 = 'township' THEN level = 'township'
                                        ELSE level IN ('city', 'county') END)
       ORDER BY code`,
    [county, level],
  );
}

const editionRow = z.object({ edition: z.string(), title: z.string(), as_of: z.string(), source: z.string() });

/** The editions of the division data named. */
export function divisionEditions(q: Queryable, editions: string[]): Promise<z.infer<typeof editionRow>[]> {
  return rowsOf(
    q,
    editionRow,
    `SELECT edition, title, to_char(as_of, 'YYYY-MM-DD') AS as_of, source FROM division_editions WHERE edition = ANY($1) ORDER BY edition`,
    [editions],
  );
}

const parkRow = z.object({
  id: z.string(),
  county_code: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  source: z.string(),
  demo: z.boolean(),
});

/** Parks in force (of one county when named). */
export function parkRows(q: Queryable, county: string | null): Promise<z.infer<typeof parkRow>[]> {
  return rowsOf(
    q,
    parkRow,
    `SELECT id, county_code, name_zh, name_en, source, demo FROM parks WHERE valid_to IS NULL AND ($1::text IS NULL OR county_code = $1) ORDER BY id`,
    [county],
  );
}

const townshipRow = z.object({ code: z.string(), name_zh: z.string(), parent_code: z.string() });

/** A township of the division data (of any edition); null when unknown. */
export function townshipByCode(q: Queryable, code: string): Promise<z.infer<typeof townshipRow> | null> {
  return firstOf(q, townshipRow, `SELECT code, name_zh, parent_code FROM divisions WHERE code = $1 AND level = 'township'`, [code]);
}

const zoneRow = z.object({ code: z.string(), name: z.string(), status: z.string(), terminated_on: z.string().nullable() });

/** A county's zone: its name, status and the day it was terminated; null when the county is no zone. */
export function zoneOfCounty(q: Queryable, county: string): Promise<z.infer<typeof zoneRow> | null> {
  return firstOf(
    q,
    zoneRow,
    `SELECT code, name, status, to_char(terminated_on, 'YYYY-MM-DD') AS terminated_on FROM zones WHERE code = $1`,
    [county],
  );
}

/**
 * A memorandum's area draws only townships and parks of its own county: each one that is not, as its
 * catalogued refusal on its field (`body.boundary.townshipCodes.1`).
 */
export async function areaRefusals(
  q: Queryable,
  countyCode: string,
  area: { townshipCodes: string[]; parkIds: string[] },
  path: string,
): Promise<Refusal[]> {
  const townships = await q.query<{ code: string }>(
    `SELECT code FROM divisions WHERE parent_code = $1 AND level = 'township' AND valid_to IS NULL`,
    [countyCode],
  );
  const parks = await q.query<{ id: string }>('SELECT id FROM parks WHERE county_code = $1 AND valid_to IS NULL', [countyCode]);
  const known = new Set(townships.map((t) => t.code));
  const knownParks = new Set(parks.map((p) => p.id));
  return [
    ...area.townshipCodes.flatMap((code, i) =>
      known.has(code) ? [] : [refusal('TOWNSHIP_NOT_OF_COUNTY', { townshipCode: code, countyCode }, `${path}.townshipCodes.${i}`)],
    ),
    ...area.parkIds.flatMap((id, i) =>
      knownParks.has(id) ? [] : [refusal('PARK_NOT_OF_COUNTY', { parkId: id, countyCode }, `${path}.parkIds.${i}`)],
    ),
  ];
}

const areaRow = z.object({
  zone_code: z.string(),
  memorandum_version: z.number(),
  effective_from: z.string(),
  township_codes: z.array(z.string()),
  park_ids: z.array(z.string()),
  area_km2: numberish,
  description: z.string(),
});

export interface AreaVersionRecord extends AreaVersion {
  areaKm2: number;
  description: string;
}

/** Every signed version of the zones' areas (of one zone when named), oldest first. */
export async function zoneAreaVersions(q: Queryable, zoneCode?: string): Promise<AreaVersionRecord[]> {
  const rows = await rowsOf(
    q,
    areaRow,
    `SELECT zone_code, memorandum_version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, township_codes, park_ids, area_km2, description
     FROM zone_areas WHERE ($1::text IS NULL OR zone_code = $1) ORDER BY zone_code, effective_from, memorandum_version`,
    [zoneCode ?? null],
  );
  return rows.map((r) => ({
    zoneCode: r.zone_code,
    memorandumVersion: r.memorandum_version,
    effectiveFrom: r.effective_from,
    townshipCodes: r.township_codes,
    parkIds: r.park_ids,
    areaKm2: Number(r.area_km2),
    description: r.description,
  }));
}

/**
 * Whether a place is in the zone of its county on `date`: by the area version applying that day.
 * A zone whose memorandum drew no area (signed before areas were recorded) still covers its county.
 */
export async function placeInZone(
  q: Queryable,
  zoneCode: string,
  place: Place,
  date: string,
): Promise<{ inside: boolean; version?: AreaVersionRecord; drawn: boolean }> {
  const versions = await zoneAreaVersions(q, zoneCode);
  if (!versions.length) return { inside: true, drawn: false };
  const version = areaOn(versions, date) as AreaVersionRecord | undefined;
  return { inside: Boolean(version && placeInArea(version, place)), version, drawn: true };
}
