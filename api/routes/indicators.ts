import { z } from 'zod';
import { COUNTY_CODE } from '../../domain/names';
import { periodSchema } from '../../domain/statistics';
import { indicatorDefinition, indicatorEditionRows, indicatorReportRows } from '../../store/indicators';
import { defineRoute } from '../route';

const definitionSchema = indicatorDefinition;

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
        /** Returns for correction so far (each review's round is numbered in `reviews`). */
        returns: z.number().int(),
        reviews: z.array(z.record(z.string(), z.unknown())),
        dueAt: z.string().nullable(),
        reportedAt: z.string().nullable(),
        acceptedAt: z.string().nullable(),
        processId: z.string(),
      }),
    ),
  }),
  async handler({ query, deps }) {
    const editions = await indicatorEditionRows(deps.db);
    const rows = await indicatorReportRows(deps.db, query.period ?? null, query.zone ?? null);
    const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
    return {
      editions: editions.map((e) => ({
        edition: e.edition,
        effectiveFrom: e.effective_from,
        source: e.source,
        definitions: e.definitions,
      })),
      reports: rows.map((r) => ({
        period: r.period,
        zoneCode: r.zone_code,
        zoneName: r.zone_name,
        status: r.status,
        edition: r.edition,
        figures: r.figures,
        note: r.note,
        returns: r.returns,
        reviews: r.reviews,
        dueAt: iso(r.due_at),
        reportedAt: iso(r.reported_at),
        acceptedAt: iso(r.accepted_at),
        processId: r.process_id,
      })),
    };
  },
});
