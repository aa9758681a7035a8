/** The reform measures and the zones' decisions on them (P6), as the API reads them. Rows are parsed, not cast. */
import { z } from 'zod';
import type { Queryable } from './db';
import { rowsOf } from './rows';

const measureDecisionRow = z.object({
  code: z.string(),
  title_zh: z.string(),
  title_en: z.string(),
  granted_by: z.string(),
  granted_on: z.string(),
  summary: z.string().nullable(),
  source: z.string().nullable(),
  delisted_on: z.string().nullable(),
  delisting_reason: z.string().nullable(),
  zone_code: z.string().nullable(),
  zone_name: z.string().nullable(),
  status: z.enum(['PENDING', 'ADOPTED', 'DECLINED']).nullable(),
  decided_on: z.string().nullable(),
  note: z.string().nullable(),
  process_id: z.string().nullable(),
});

/** Whether a reform measure is listed. */
export async function measureListed(q: Queryable, code: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM reform_measures WHERE code = $1', [code])).length > 0;
}

/** Each measure (one when named) with each zone's decision on it (one zone's when named), by measure and zone. */
export function measureDecisionRows(
  q: Queryable,
  measureCode: string | null,
  zoneCode: string | null,
): Promise<z.infer<typeof measureDecisionRow>[]> {
  return rowsOf(
    q,
    measureDecisionRow,
    `SELECT m.code, m.title_zh, m.title_en, m.granted_by, to_char(m.granted_on, 'YYYY-MM-DD') AS granted_on, m.summary, m.source,
              to_char(m.delisted_on, 'YYYY-MM-DD') AS delisted_on, m.delisting_reason,
              d.zone_code, z.name AS zone_name, d.status, to_char(d.decided_on, 'YYYY-MM-DD') AS decided_on, d.note, d.process_id
       FROM reform_measures m
       LEFT JOIN pilot_decisions d ON d.measure_code = m.code AND ($2::text IS NULL OR d.zone_code = $2)
       LEFT JOIN zones z ON z.code = d.zone_code
       WHERE ($1::text IS NULL OR m.code = $1)
       ORDER BY m.code, d.zone_code`,
    [measureCode, zoneCode],
  );
}
