/** What the records say of one process for its timeline: its events and its outgoing messages. Rows are parsed, not cast. */
import { z } from 'zod';
import type { Queryable } from './db';
import { instant, rowsOf } from './rows';

const eventRow = z.object({
  seq: z.number(),
  at: instant,
  kind: z.string(),
  // The actor as recorded ({userId, orgId, roles}); the timeline reads who it was.
  actor: z.object({ userId: z.string(), orgId: z.string() }).loose().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type EventRow = z.infer<typeof eventRow>;

/** The events of one run chain of a process, in order. */
export function processEventRows(q: Queryable, processId: string, chainId: string): Promise<EventRow[]> {
  return rowsOf(q, eventRow, 'SELECT seq, at, kind, actor, data FROM process_events WHERE process_id = $1 AND chain_id = $2 ORDER BY seq', [
    processId,
    chainId,
  ]);
}

const outboxRow = z.object({
  channel: z.string(),
  org_id: z.string(),
  status: z.string(),
  attempts: z.number(),
  last_error: z.string().nullable(),
  created_at: instant,
  sent_at: instant.nullable(),
  last_attempt_at: instant.nullable(),
  callback: z.object({ result: z.string().optional() }).loose().nullable(),
  callback_at: instant.nullable(),
});

/** What left the product for a process (e-mails, robots, outside systems), in the order written. */
export function processOutboxRows(q: Queryable, processId: string): Promise<z.infer<typeof outboxRow>[]> {
  return rowsOf(
    q,
    outboxRow,
    'SELECT channel, org_id, status, attempts, last_error, created_at, sent_at, last_attempt_at, callback, callback_at FROM outbox WHERE process_id = $1 ORDER BY id',
    [processId],
  );
}
