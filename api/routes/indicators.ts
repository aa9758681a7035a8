import { z } from 'zod';
import { ECONOMIC_INDICATORS } from '../../domain/economic-indicators';
import { COUNTY_CODE } from '../../domain/names';
import { periodSchema } from '../../domain/statistics';
import { defineRoute } from '../route';

const definitionSchema = z.object({
  code: z.enum(ECONOMIC_INDICATORS),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  definitionZh: z.string(),
  decimals: z.number(),
  min: z.number(),
  max: z.number(),
});

export const listIndicators = defineRoute({
  method: 'get',
  path: '/api/indicators',
  summary:
    "The economic indicators' definitions by edition (what each counts, its unit and checks), and the zones' monthly reports: status (PENDING, REVIEWING, RETURNED, ACCEPTED), figures, returns with reasons; by month and zone",
  tag: 'Registries',
  query: z.object({ period: periodSchema.optional(), zone: z.string().regex(COUNTY_CODE, 'a zone (county) division code').optional() }),
  response: z.object({
    editions: z.array(
      z.object({ edition: z.string(), effectiveFrom: z.string(), source: z.string(), definitions: z.array(definitionSchema) }),
    ),
    reports: z.array(
      z.object({
        period: z.string(),
        zoneCode: z.string(),
        zoneName: z.string().nullable(),
        status: z.enum(['PENDING', 'REVIEWING', 'RETURNED', 'ACCEPTED']),
        edition: z.string(),
        figures: z.record(z.string(), z.object({ value: z.number(), unit: z.string() })).nullable(),
        note: z.string().nullable(),
        rounds: z.number().int(),
        reviews: z.array(z.record(z.string(), z.unknown())),
        dueAt: z.string().nullable(),
        reportedAt: z.string().nullable(),
        acceptedAt: z.string().nullable(),
        processId: z.string(),
      }),
    ),
  }),
  async handler({ query, deps }) {
    const editions = await deps.db.query<{
      edition: string;
      effective_from: string;
      source: string;
      definitions: z.infer<typeof definitionSchema>[];
    }>(
      `SELECT edition, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, source, definitions FROM indicator_editions ORDER BY effective_from`,
    );
    const rows = await deps.db.query<Record<string, unknown>>(
      `SELECT r.*, z.name AS zone_name FROM indicator_reports r LEFT JOIN zones z ON z.code = r.zone_code
       WHERE ($1::text IS NULL OR r.period = $1) AND ($2::text IS NULL OR r.zone_code = $2) ORDER BY r.period DESC, r.zone_code`,
      [query.period ?? null, query.zone ?? null],
    );
    const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
    return {
      editions: editions.map((e) => ({
        edition: e.edition,
        effectiveFrom: e.effective_from,
        source: e.source,
        definitions: e.definitions,
      })),
      reports: rows.map((r) => ({
        period: r.period as string,
        zoneCode: r.zone_code as string,
        zoneName: (r.zone_name as string | null) ?? null,
        status: r.status as 'PENDING',
        edition: r.edition as string,
        figures: (r.figures as Record<string, { value: number; unit: string }> | null) ?? null,
        note: (r.note as string | null) ?? null,
        rounds: Number(r.rounds),
        reviews: r.reviews as Record<string, unknown>[],
        dueAt: iso(r.due_at),
        reportedAt: iso(r.reported_at),
        acceptedAt: iso(r.accepted_at),
        processId: r.process_id as string,
      })),
    };
  },
});
