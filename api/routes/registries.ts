import { z } from 'zod';
import { orgIds } from '../../domain/names';
import { chinaDate } from '../../domain/calendar';
import { forReader } from '../../domain/personal-data';
import { areaOn } from '../../domain/zone-area';
import type { Queryable } from '../../store/db';
import { zoneAreaVersions } from '../../store/divisions';
import { organizationRows, setOrganizationUscc as setUscc } from '../../store/organizations';
import { calendarYear } from '../../store/policy';
import { divisionNames, memorandumRows, parkNames, zoneByCode, zoneRows, type ZoneRow } from '../../store/zones';
import type { User } from '../auth';
import { refused } from '../errors';
import { usccSchema } from '../../domain/registration';
import { defineRoute } from '../route';

const organizationSchema = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  countyCode: z.string().nullable(),
  active: z.boolean(),
  /** Its 统一社会信用代码, which the 双公示 records name it by; null until set. */
  uscc: z.string().nullable(),
});

export const listOrganizations = defineRoute({
  method: 'get',
  path: '/api/organizations',
  summary: 'Every organisation, the zone management bodies created since included',
  tag: 'Registries',
  response: z.array(organizationSchema),
  async handler({ deps }) {
    const rows = await organizationRows(deps.db);
    return rows.map((r) => ({
      id: r.id,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      kind: r.kind,
      countyCode: r.county_code,
      active: r.active,
      uscc: r.uscc,
    }));
  },
});

/**
 * Sets or corrects an organisation's 统一社会信用代码: its own admin, or the FTZ's (which keeps the
 * registry the 双公示 records are sent from). A code that fails GB 32100 is refused on the field.
 */
export const setOrganizationUscc = defineRoute({
  method: 'post',
  path: '/api/organizations/{id}/uscc',
  summary: "Sets an organisation's unified social credit code (its admin, or the FTZ's)",
  tag: 'Registries',
  params: z.object({ id: z.string().min(1).max(100) }),
  body: z.object({ uscc: usccSchema }).strict(),
  response: organizationSchema,
  async handler({ params, body, deps }) {
    // Its organisation's admin or the FTZ's: checked with the route's rule, before the body is read (api/access.ts).
    const row = await setUscc(deps.db, params.id, body.uscc);
    if (!row) throw refused('ORG_NOT_FOUND', { orgId: params.id }, 'params.id');
    return {
      id: row.id,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      kind: row.kind,
      countyCode: row.county_code,
      active: row.active,
      uscc: row.uscc,
    };
  },
});

const zoneSchema = z.object({
  code: z.string(),
  name: z.string(),
  status: z.string(),
  memorandumVersion: z.number().int(),
  areaKm2: z.number(),
  boundary: z.unknown(),
  body: z.unknown().nullable(),
  orgId: z.string().nullable(),
  processId: z.string(),
  establishedAt: z.string(),
  updatedAt: z.string(),
  /** Suspended since (until resumed), or terminated on: the authority rule answers no from that day. */
  suspendedOn: z.string().nullable(),
  terminatedOn: z.string().nullable(),
  /** The city's approval (批复) it was launched under; null for zones launched before it was recorded. */
  approval: z.object({ documentNumber: z.string(), approvedOn: z.string() }).nullable(),
});

const areaUnitSchema = z.object({ code: z.string(), nameZh: z.string(), demo: z.boolean().optional() });
/** One signed version of the zone's area, the day it applies from, its units by name. */
const areaSchema = z.object({
  memorandumVersion: z.number().int(),
  effectiveFrom: z.string(),
  areaKm2: z.number(),
  description: z.string(),
  townships: z.array(areaUnitSchema),
  parks: z.array(areaUnitSchema),
});

/** The zone's body (head, contact) in full for its two governments' sides and auditors; masked for others. */
const zoneReaders = (code: string) => [orgIds.government(code), orgIds.zoneBody(code), 'ftz'];

const toZone = (r: ZoneRow, reader: User) => ({
  code: r.code,
  name: r.name,
  status: r.status,
  memorandumVersion: r.memorandum_version,
  areaKm2: Number(r.area_km2),
  boundary: r.boundary,
  body: forReader(r.body, reader, zoneReaders(r.code)),
  orgId: r.org_id,
  processId: r.process_id,
  establishedAt: new Date(r.established_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
  suspendedOn: r.suspended_day,
  terminatedOn: r.terminated_day,
  approval: r.approval,
});

export const listZones = defineRoute({
  method: 'get',
  path: '/api/zones',
  summary: 'The zone registry',
  tag: 'Registries',
  query: z.object({ status: z.enum(['ACTIVE_PENDING_BODY', 'ACTIVE', 'SUSPENDED', 'TERMINATED']).optional() }),
  response: z.array(zoneSchema),
  async handler({ query, user, deps }) {
    const rows = await zoneRows(deps.db, query.status ?? null);
    return rows.map((row) => toZone(row, user));
  },
});

export const getZone = defineRoute({
  method: 'get',
  path: '/api/zones/{code}',
  summary: 'One zone, with its area (the version applying today and every signed version) and its memorandum versions',
  tag: 'Registries',
  params: z.object({ code: z.string().regex(/^\d{6}$/, 'a six-digit division code') }),
  response: zoneSchema.extend({
    /** The area applying today (China); null before the first applies, or for a zone signed before areas were drawn (its whole county). */
    area: areaSchema.nullable(),
    areaVersions: z.array(areaSchema),
    memoranda: z.array(
      z.object({ version: z.number().int(), status: z.string(), content: z.unknown(), signatures: z.unknown(), draftedAt: z.string() }),
    ),
  }),
  async handler({ params, user, deps }) {
    const row = await zoneByCode(deps.db, params.code);
    if (!row) throw refused('ZONE_NOT_FOUND', { zoneCode: params.code });
    const memoranda = await memorandumRows(deps.db, row.process_id, row.code);
    const versions = await areaVersionsInWords(deps.db, row.code);
    const today = areaOn(versions, chinaDate(new Date()));
    return {
      ...toZone(row, user),
      area: versions.find((v) => v.memorandumVersion === today?.memorandumVersion) ?? null,
      areaVersions: versions,
      memoranda: memoranda.map((m) => ({
        version: m.version,
        status: m.status,
        content: forReader(m.content, user, zoneReaders(row.code)),
        signatures: m.signatures,
        draftedAt: new Date(m.drafted_at).toISOString(),
      })),
    };
  },
});

/** Each signed area version with its townships and parks named from the division data. */
async function areaVersionsInWords(db: Queryable, zoneCode: string) {
  const versions = await zoneAreaVersions(db, zoneCode);
  const codes = [...new Set(versions.flatMap((v) => v.townshipCodes))];
  const ids = [...new Set(versions.flatMap((v) => v.parkIds))];
  const townships = new Map((await divisionNames(db, codes)).map((t) => [t.code, t.name_zh]));
  const parks = new Map((await parkNames(db, ids)).map((p) => [p.id, p]));
  return versions.map((v) => ({
    ...v,
    townships: v.townshipCodes.map((code) => ({ code, nameZh: townships.get(code) ?? code })),
    parks: v.parkIds.map((id) => ({ code: id, nameZh: parks.get(id)?.name_zh ?? id, demo: parks.get(id)?.demo ?? false })),
  }));
}

export const getCalendar = defineRoute({
  method: 'get',
  path: '/api/calendar/{year}',
  summary: 'The working-day calendar of a year: holidays and make-up working days',
  tag: 'Registries',
  params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
  response: z.object({
    year: z.number(),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
    provisional: z.boolean(),
    source: z.string(),
  }),
  async handler({ params, deps }) {
    const row = await calendarYear(deps.db, params.year);
    if (!row) throw refused('CALENDAR_NOT_FOUND', { year: params.year }, 'params.year');
    return row;
  },
});
