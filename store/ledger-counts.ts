/** The counts /metrics reads from the records each scrape: tasks, messages, inbound calls, failed exchanges. Rows are parsed, not cast. */
import { z } from 'zod';
import type { Queryable } from './db';
import { numberish, rowsOf } from './rows';

const taskCount = z.object({ status: z.string(), org_id: z.string(), n: numberish, overdue: numberish });

/** Tasks by state and organisation, with how many open ones are past due. */
export function taskCounts(q: Queryable): Promise<z.infer<typeof taskCount>[]> {
  return rowsOf(
    q,
    taskCount,
    `SELECT status, org_id, count(*) AS n,
                count(*) FILTER (WHERE status = 'open' AND due_at < now()) AS overdue
           FROM tasks GROUP BY status, org_id`,
  );
}

const messageCount = z.object({ channel: z.string(), status: z.string(), n: numberish, attempts: numberish });

/** Outgoing messages by channel and delivery state, with their delivery attempts. */
export function messageCounts(q: Queryable): Promise<z.infer<typeof messageCount>[]> {
  return rowsOf(q, messageCount, 'SELECT channel, status, count(*) AS n, sum(attempts) AS attempts FROM outbox GROUP BY channel, status');
}

const callCount = z.object({ client: z.string(), outcome: z.string(), n: numberish });

/** Signed calls from outside systems by client and outcome. */
export function inboundCounts(q: Queryable): Promise<z.infer<typeof callCount>[]> {
  return rowsOf(q, callCount, 'SELECT client, outcome, count(*) AS n FROM inbound_requests GROUP BY client, outcome');
}

const failureCount = z.object({ channel: z.string().nullable(), status: z.string(), n: numberish });

/** Tasks resolving a failed exchange, by channel and state. */
export function failedExchangeCounts(q: Queryable): Promise<z.infer<typeof failureCount>[]> {
  return rowsOf(
    q,
    failureCount,
    `SELECT context->>'channel' AS channel, status, count(*) AS n FROM tasks
         WHERE action = 'resolveFailedExchange' GROUP BY 1, 2`,
  );
}
