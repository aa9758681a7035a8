import { z } from 'zod';
import { measureCodeSchema } from '../../domain/pilots';
import { measureDecisionRows, measureListed } from '../../store/pilots';
import { refused } from '../errors';
import { defineRoute } from '../route';
import { langSchema } from '../schemas';

const STATUSES = ['PENDING', 'ADOPTED', 'DECLINED'] as const;

const measureSchema = z.object({
  code: z.string(),
  title: z.string(),
  grantedBy: z.string(),
  grantedOn: z.string(),
  summary: z.string().nullable(),
  /** The act that granted it. */
  source: z.string().nullable(),
  /** No longer a pilot (a nationwide obligation since): from when and why; offered no more. */
  delisted: z.object({ on: z.string(), reason: z.string() }).nullable(),
  zones: z.array(
    z.object({
      zoneCode: z.string(),
      zoneName: z.string(),
      status: z.enum(STATUSES),
      decidedOn: z.string().nullable(),
      note: z.string().nullable(),
      processId: z.string(),
    }),
  ),
});
const zoneSchema = z.object({
  zoneCode: z.string(),
  zoneName: z.string(),
  adopted: z.array(z.string()),
  declined: z.array(z.string()),
  pending: z.array(z.string()),
});

export const listPilots = defineRoute({
  method: 'get',
  path: '/api/pilots',
  summary:
    'Reform measures granted to the FTZ and which zone runs which: per measure each zone offered it (PENDING, ADOPTED, DECLINED with date and note), and per zone the measures it adopted, declined or has yet to decide',
  tag: 'Registries',
  query: z.object({
    measure: measureCodeSchema.optional(),
    zone: z
      .string()
      .regex(/^\d{6}$/, 'a six-digit division code')
      .optional(),
    lang: langSchema,
  }),
  response: z.object({ measures: z.array(measureSchema), zones: z.array(zoneSchema) }),
  async handler({ query, deps }) {
    if (query.measure) {
      if (!(await measureListed(deps.db, query.measure)))
        throw refused('MEASURE_NOT_FOUND', { measureCode: query.measure }, 'query.measure');
    }
    const rows = await measureDecisionRows(deps.db, query.measure ?? null, query.zone ?? null);
    const measures = new Map<string, z.infer<typeof measureSchema>>();
    const zones = new Map<string, z.infer<typeof zoneSchema>>();
    for (const r of rows) {
      const measure = measures.get(r.code) ?? {
        code: r.code,
        title: query.lang === 'zh' ? r.title_zh : r.title_en,
        grantedBy: r.granted_by,
        grantedOn: r.granted_on,
        summary: r.summary,
        source: r.source,
        delisted: r.delisted_on ? { on: r.delisted_on, reason: r.delisting_reason ?? '' } : null,
        zones: [],
      };
      measures.set(r.code, measure);
      if (!r.zone_code || !r.status || !r.process_id) continue;
      const zoneName = r.zone_name ?? r.zone_code;
      measure.zones.push({
        zoneCode: r.zone_code,
        zoneName,
        status: r.status,
        decidedOn: r.decided_on,
        note: r.note,
        processId: r.process_id,
      });
      const zone = zones.get(r.zone_code) ?? { zoneCode: r.zone_code, zoneName, adopted: [], declined: [], pending: [] };
      zones.set(r.zone_code, zone);
      zone[r.status === 'ADOPTED' ? 'adopted' : r.status === 'DECLINED' ? 'declined' : 'pending'].push(r.code);
    }
    return { measures: [...measures.values()], zones: [...zones.values()].sort((a, b) => a.zoneCode.localeCompare(b.zoneCode)) };
  },
});
