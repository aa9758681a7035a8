/**
 * The division data for pickers and look-ups: townships (乡镇/街道) with their edition, parks (园区),
 * and which zone, if any, a place is in on a day.
 */
import { z } from 'zod';
import { chinaDate } from '../../domain/calendar';
import { COUNTY_CODE } from '../../domain/names';
import { isoDate } from '../../domain/schemas';
import { areaOn, PARK_ID, placeInArea, TOWNSHIP_CODE } from '../../domain/zone-area';
import { divisionEditions, divisionRows, parkRows, townshipByCode, zoneAreaVersions, zoneOfCounty } from '../../store/divisions';
import { refused } from '../errors';
import { defineRoute } from '../route';

const divisionSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  level: z.enum(['city', 'county', 'township']),
  parentCode: z.string().nullable(),
  edition: z.string().nullable(),
});

export const listDivisions = defineRoute({
  method: 'get',
  path: '/api/divisions',
  summary:
    'Division data: the city and counties; the townships (乡镇/街道, 统计用区划代码) of one county, or all of them with level=township; each naming its edition',
  tag: 'Registries',
  query: z.object({
    county: z.string().regex(COUNTY_CODE, 'a county of Yingkou, 2108xx').optional(),
    level: z.enum(['county', 'township']).optional(),
  }),
  response: z.object({
    editions: z.array(z.object({ edition: z.string(), title: z.string(), asOf: z.string(), source: z.string() })),
    items: z.array(divisionSchema),
  }),
  async handler({ query, deps }) {
    const rows = await divisionRows(deps.db, query.county ?? null, query.level ?? 'county');
    const editions = await divisionEditions(deps.db, [...new Set(rows.map((r) => r.edition).filter((e): e is string => Boolean(e)))]);
    return {
      editions: editions.map((e) => ({ edition: e.edition, title: e.title, asOf: e.as_of, source: e.source })),
      items: rows.map((r) => ({
        code: r.code,
        nameZh: r.name_zh,
        nameEn: r.name_en,
        level: r.level,
        parentCode: r.parent_code,
        edition: r.edition,
      })),
    };
  },
});

export const listParks = defineRoute({
  method: 'get',
  path: '/api/parks',
  summary: 'Parks (园区): named areas of a county a memorandum may draw into its zone; demonstration data is flagged',
  tag: 'Registries',
  query: z.object({ county: z.string().regex(COUNTY_CODE, 'a county of Yingkou, 2108xx').optional() }),
  response: z.array(
    z.object({ id: z.string(), countyCode: z.string(), nameZh: z.string(), nameEn: z.string(), source: z.string(), demo: z.boolean() }),
  ),
  async handler({ query, deps }) {
    const rows = await parkRows(deps.db, query.county ?? null);
    return rows.map((r) => ({ id: r.id, countyCode: r.county_code, nameZh: r.name_zh, nameEn: r.name_en, source: r.source, demo: r.demo }));
  },
});

const containingZoneSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    status: z.string(),
    memorandumVersion: z.number().int().nullable(),
    areaFrom: z.string().nullable(),
  })
  .nullable();

export const zoneContaining = defineRoute({
  method: 'get',
  path: '/api/zones/containing',
  summary: 'Which zone, if any, a township (and park) is in on a day (default today in China), by the memorandum area applying that day',
  tag: 'Registries',
  query: z.object({
    township: z.string().regex(TOWNSHIP_CODE, 'a township code (9 digits)'),
    park: z.string().regex(PARK_ID, 'a park id').optional(),
    on: isoDate.optional(),
  }),
  response: z.object({
    township: z.object({ code: z.string(), nameZh: z.string(), countyCode: z.string() }),
    on: z.string(),
    zone: containingZoneSchema,
    /** Why no zone, in Chinese. */
    reason: z.string().nullable(),
  }),
  async handler({ query, deps }) {
    const on = query.on ?? chinaDate(new Date());
    const township = await townshipByCode(deps.db, query.township);
    if (!township) throw refused('TOWNSHIP_UNKNOWN', { townshipCode: query.township }, 'query.township');
    const answer = (zone: z.infer<typeof containingZoneSchema>, reason: string | null) => ({
      township: { code: township.code, nameZh: township.name_zh, countyCode: township.parent_code },
      on,
      zone,
      reason,
    });
    const zone = await zoneOfCounty(deps.db, township.parent_code);
    if (!zone) return answer(null, `${township.parent_code} 没有协同区`);
    if (zone.terminated_on && zone.terminated_on <= on) return answer(null, `${zone.name}已于 ${zone.terminated_on} 终止`);
    const versions = await zoneAreaVersions(deps.db, zone.code);
    // A zone signed before areas were drawn covers its county until an amendment draws one.
    if (!versions.length)
      return answer({ code: zone.code, name: zone.name, status: zone.status, memorandumVersion: null, areaFrom: null }, null);
    const version = areaOn(versions, on);
    if (!version) return answer(null, `${on} 时${zone.name}的备忘录区域尚未适用`);
    if (!placeInArea(version, { townshipCode: township.code, parkId: query.park })) {
      return answer(
        null,
        `${township.name_zh}不在${zone.name}备忘录第 ${version.memorandumVersion} 版所划区域内（自 ${version.effectiveFrom} 起适用）`,
      );
    }
    return answer(
      {
        code: zone.code,
        name: zone.name,
        status: zone.status,
        memorandumVersion: version.memorandumVersion,
        areaFrom: version.effectiveFrom,
      },
      null,
    );
  },
});
