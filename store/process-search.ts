/**
 * What only the records know when searching processes (api/search.ts puts the ids found into the
 * engine's visibility query): open tasks past due, words in timelines, zone names and documents, the
 * tasks an organisation has or had, an organisation's county. Rows are parsed, not cast.
 */
import { z } from 'zod';
import type { Queryable } from './db';
import { firstOf, rowsOf } from './rows';

/** Ids found in the records are put into the engine's query: at most this many, newest first. */
const MAX_IDS = 1000;

const idRow = z.object({ id: z.string() });

/** The ids `sql` finds (each with its `latest` moment), newest first, at most MAX_IDS. */
async function ids(q: Queryable, sql: string, params: unknown[] = []): Promise<string[]> {
  const rows = await rowsOf(q, idRow, `SELECT id FROM (${sql}) found GROUP BY id ORDER BY max(latest) DESC LIMIT ${MAX_IDS}`, params);
  return rows.map((row) => row.id);
}

/** Processes with an open task past its due time, latest opened first. */
export function overdueProcessIds(q: Queryable): Promise<string[]> {
  return ids(
    q,
    `SELECT process_id AS id, max(opened_at) AS latest FROM tasks WHERE status = 'open' AND due_at < now() GROUP BY process_id`,
  );
}

/** Every process with an open task past its due time (for leaving them out of a search). */
export function allOverdueProcessIds(q: Queryable): Promise<string[]> {
  return ids(q, `SELECT DISTINCT process_id AS id, now() AS latest FROM tasks WHERE status = 'open' AND due_at < now()`);
}

/** Processes whose id or timeline, zone name, or documents' 文号 or title match an ILIKE pattern. */
export function processIdsMatching(q: Queryable, pattern: string): Promise<string[]> {
  return ids(
    q,
    `SELECT process_id AS id, max(at) AS latest FROM process_events WHERE process_id ILIKE $1 OR data::text ILIKE $1 GROUP BY process_id
         UNION ALL SELECT process_id, updated_at FROM zones WHERE name ILIKE $1
         UNION ALL SELECT process_id, issued_at FROM documents WHERE number ILIKE $1 OR title ILIKE $1`,
    [pattern],
  );
}

/** Processes an organisation has or had a task in. */
export function taskedProcessIds(q: Queryable, orgId: string): Promise<string[]> {
  return ids(q, 'SELECT process_id AS id, max(opened_at) AS latest FROM tasks WHERE org_id = $1 GROUP BY process_id', [orgId]);
}

/** The county an organisation belongs to; null for one of the city or the FTZ (or unknown). */
export async function orgCounty(q: Queryable, orgId: string): Promise<string | null> {
  const org = await firstOf(q, z.object({ county_code: z.string().nullable() }), 'SELECT county_code FROM organizations WHERE id = $1', [
    orgId,
  ]);
  return org?.county_code ?? null;
}
