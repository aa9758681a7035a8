/** The economic indicators' editions and the zones' monthly reports, as the API reads them. Rows are parsed, not cast. */
import { z } from 'zod';
import { ECONOMIC_INDICATORS } from '../domain/economic-indicators';
import type { Queryable } from './db';
import { firstOf, instant, rowsOf } from './rows';

/** One indicator's definition as an edition holds it: what it counts, its unit and checks. */
export const indicatorDefinition = z.object({
  code: z.enum(ECONOMIC_INDICATORS),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  definitionZh: z.string(),
  decimals: z.number(),
  min: z.number(),
  max: z.number(),
});

const editionRow = z.object({
  edition: z.string(),
  effective_from: z.string(),
  source: z.string(),
  definitions: z.array(indicatorDefinition),
});

/** Every edition of the definitions, oldest first. */
export function indicatorEditionRows(q: Queryable): Promise<z.infer<typeof editionRow>[]> {
  return rowsOf(
    q,
    editionRow,
    `SELECT edition, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, source, definitions FROM indicator_editions ORDER BY effective_from`,
  );
}

/** The definitions of the edition in force (the latest); null before any edition. */
export function latestIndicatorDefinitions(q: Queryable): Promise<{ definitions: z.infer<typeof indicatorDefinition>[] } | null> {
  return firstOf(
    q,
    editionRow.pick({ definitions: true }),
    'SELECT definitions FROM indicator_editions ORDER BY effective_from DESC LIMIT 1',
  );
}

const reportRow = z.object({
  period: z.string(),
  zone_code: z.string(),
  zone_name: z.string().nullable(),
  status: z.enum(['PENDING', 'REVIEWING', 'RETURNED', 'ACCEPTED']),
  edition: z.string(),
  figures: z.record(z.string(), z.object({ value: z.number(), unit: z.string() })).nullable(),
  note: z.string().nullable(),
  /** Returns for correction so far (the column `rounds`, read under the API's name). */
  returns: z.number(),
  reviews: z.array(z.record(z.string(), z.unknown())),
  due_at: instant.nullable(),
  reported_at: instant.nullable(),
  accepted_at: instant.nullable(),
  process_id: z.string(),
});

/** The zones' reports (of a month, of a zone when named), latest month first. */
export function indicatorReportRows(q: Queryable, period: string | null, zoneCode: string | null): Promise<z.infer<typeof reportRow>[]> {
  return rowsOf(
    q,
    reportRow,
    `SELECT r.*, r.rounds AS returns, z.name AS zone_name FROM indicator_reports r LEFT JOIN zones z ON z.code = r.zone_code
       WHERE ($1::text IS NULL OR r.period = $1) AND ($2::text IS NULL OR r.zone_code = $2) ORDER BY r.period DESC, r.zone_code`,
    [period, zoneCode],
  );
}
