/**
 * Who takes part in a process, as the records show it (api/access.ts decides who may read it): the
 * organisations that have or had a task in it, and whether one of them acted in it or is of its
 * zone's county. Rows are parsed, not cast.
 */
import { z } from 'zod';
import type { Queryable } from './db';
import { rowsOf } from './rows';

/** Whether the organisation is of the zone's county (when there is a zone), has or had a task in the process, or acted in it. */
export async function orgTakesPart(q: Queryable, orgId: string, processId: string, zoneCode: string | null): Promise<boolean> {
  const [row] = await q.query(
    `SELECT 1 FROM organizations o WHERE o.id = $1 AND $3::text IS NOT NULL AND o.county_code = $3
     UNION ALL SELECT 1 FROM tasks t WHERE t.org_id = $1 AND t.process_id = $2
     UNION ALL SELECT 1 FROM process_events e WHERE e.process_id = $2 AND e.actor->>'orgId' = $1 LIMIT 1`,
    [orgId, processId, zoneCode],
  );
  return Boolean(row);
}

/** The organisations that have or had a task in a process, each once. */
export function handlingOrgRows(q: Queryable, processId: string): Promise<{ org_id: string }[]> {
  return rowsOf(q, z.object({ org_id: z.string() }), 'SELECT DISTINCT org_id FROM tasks WHERE process_id = $1', [processId]);
}
