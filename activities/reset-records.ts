/**
 * The records of a process that an operator reset (`temporal workflow reset`): the engine rolled the
 * run back, the records still hold what the rolled-back steps wrote. The workflow asks how far the
 * records' numbering went, so its next steps number past it, and then brings the task ledger in line
 * with the tasks it holds open.
 */
import type { Queryable } from '../store/db';
import type { Step } from './step';

export interface ChainRef {
  processId: string;
  chainId: string;
}

/** The task ids a chain opens: `<process>.<tail of chain>.<seq>` (workflows/kernel/core.ts). */
function taskPrefix(ref: ChainRef): string {
  return `${ref.processId}.${ref.chainId.slice(-12)}.`;
}

/** The highest step number the records hold for a chain: in its step keys, its events and its tasks. */
export async function recordedSeqOf(db: Queryable, ref: ChainRef): Promise<number> {
  const keyPrefix = `${ref.processId}:${ref.chainId}:`;
  const prefix = taskPrefix(ref);
  const [row] = await db.query<{ seq: number | null }>(
    `SELECT GREATEST(
       (SELECT max(seq) FROM process_events WHERE process_id = $1 AND chain_id = $2),
       (SELECT max(split_part(substr(key, length($3) + 1), ':', 1)::int) FROM step_results
         WHERE left(key, length($3)) = $3 AND split_part(substr(key, length($3) + 1), ':', 1) ~ '^[0-9]+$'),
       (SELECT max(substr(id, length($4) + 1)::int) FROM tasks
         WHERE process_id = $1 AND left(id, length($4)) = $4 AND substr(id, length($4) + 1) ~ '^[0-9]+$')
     ) AS seq`,
    [ref.processId, ref.chainId, keyPrefix, prefix],
  );
  return Number(row?.seq ?? 0);
}

/**
 * Cancels the chain's tasks that the records hold open and the workflow does not (opened by a
 * rolled-back step), and opens again those the workflow holds open and a rolled-back step closed.
 */
export async function resyncTasks(tx: Queryable, step: Step & { resync: { openTaskIds: string[] } }) {
  const prefix = taskPrefix(step);
  const open = step.resync.openTaskIds;
  const cancelled = await tx.query<{ id: string }>(
    `UPDATE tasks SET status = 'cancelled', closed_at = $3, closed_by = NULL
     WHERE process_id = $1 AND left(id, length($2)) = $2 AND status = 'open' AND NOT (id = ANY($4)) RETURNING id`,
    [step.processId, prefix, step.at, open],
  );
  const reopened = await tx.query<{ id: string }>(
    `UPDATE tasks SET status = 'open', closed_at = NULL, closed_by = NULL
     WHERE process_id = $1 AND id = ANY($2) AND status <> 'open' RETURNING id`,
    [step.processId, open],
  );
  return { cancelled: cancelled.map((r) => r.id).sort(), reopened: reopened.map((r) => r.id).sort() };
}
