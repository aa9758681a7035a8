import { Context } from '@temporalio/activity';
import type { Db } from '../store/db';

/** Run states that end a process without its own code closing what it opened (a terminate runs none). */
const ENDED_FROM_OUTSIDE = ['Terminated', 'Failed', 'TimedOut', 'Canceled', 'Completed'];

/** How far back the sweep looks: a run closed while no sweep ran for a week is still found. */
const LOOKBACK_MS = 7 * 24 * 3600_000;

/**
 * Tasks of runs that have ended are no one's to do: `temporal workflow terminate` (or reset, or a
 * failure) runs no workflow code, so the tasks the run had open stay in inboxes, in /metrics, and
 * beside a relaunched process's new ones. The sweep asks the engine which runs ended and cancels the
 * tasks those runs opened (opened before the run closed: a new run of the same id keeps its own).
 */
export function createHousekeepingActivities(db: Db) {
  return {
    async cancelTasksOfClosedRuns(): Promise<{ processes: number; cancelled: number }> {
      const { client } = Context.current();
      const since = new Date(Date.now() - LOOKBACK_MS).toISOString();
      const statuses = ENDED_FROM_OUTSIDE.map((status) => `'${status}'`).join(', ');
      const closed = new Map<string, Date>();
      for await (const run of client.workflow.list({ query: `ExecutionStatus IN (${statuses}) AND CloseTime > '${since}'` })) {
        if (!run.closeTime) continue;
        const latest = closed.get(run.workflowId);
        if (!latest || latest < run.closeTime) closed.set(run.workflowId, run.closeTime);
      }
      if (closed.size === 0) return { processes: 0, cancelled: 0 };
      const ids = [...closed.keys()];
      const rows = await db.query<{ id: string }>(
        `UPDATE tasks t SET status = 'cancelled', closed_at = now(), closed_by = '{"reason":"the run ended without closing it"}'::jsonb
         FROM unnest($1::text[], $2::timestamptz[]) AS c(process_id, closed_at)
         WHERE t.process_id = c.process_id AND t.status = 'open' AND t.opened_at <= c.closed_at
         RETURNING t.id`,
        [ids, ids.map((id) => closed.get(id)!)],
      );
      return { processes: closed.size, cancelled: rows.length };
    },
  };
}
