/**
 * The division data (counties, townships, parks) and the zones' areas as the records hold them: the
 * facts the pure rules of domain/zone-area.ts decide on.
 */
import { areaOn, placeInArea, type AreaVersion, type Place } from '../domain/zone-area';
import type { Queryable } from './db';

/** A field the data does not know, by its path, said in Chinese. */
export interface PlaceProblem {
  path: string;
  message: string;
}

/** A memorandum's area draws only townships and parks of its own county. */
export async function areaProblems(
  q: Queryable,
  countyCode: string,
  area: { townshipCodes: string[]; parkIds: string[] },
  path: string,
): Promise<PlaceProblem[]> {
  const townships = await q.query<{ code: string }>(
    `SELECT code FROM divisions WHERE parent_code = $1 AND level = 'township' AND valid_to IS NULL`,
    [countyCode],
  );
  const parks = await q.query<{ id: string }>('SELECT id FROM parks WHERE county_code = $1 AND valid_to IS NULL', [countyCode]);
  const known = new Set(townships.map((t) => t.code));
  const knownParks = new Set(parks.map((p) => p.id));
  return [
    ...area.townshipCodes.flatMap((code, i) =>
      known.has(code) ? [] : [{ path: `${path}.townshipCodes.${i}`, message: `${code} 不是本县（市、区）${countyCode} 的乡镇（街道）` }],
    ),
    ...area.parkIds.flatMap((id, i) =>
      knownParks.has(id) ? [] : [{ path: `${path}.parkIds.${i}`, message: `${id} 不是本县（市、区）${countyCode} 的园区` }],
    ),
  ];
}

interface AreaRow {
  zone_code: string;
  memorandum_version: number;
  effective_from: string;
  township_codes: string[];
  park_ids: string[];
  area_km2: string | number;
  description: string;
}

export interface AreaVersionRecord extends AreaVersion {
  areaKm2: number;
  description: string;
}

/** Every signed version of the zones' areas (of one zone when named), oldest first. */
export async function zoneAreaVersions(q: Queryable, zoneCode?: string): Promise<AreaVersionRecord[]> {
  const rows = await q.query<AreaRow>(
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
