import type { Queryable } from '../store/db';
import { processDefinitions } from '../domain/processes';
import { notificationText, type NotificationKind } from '../domain/notifications';
import type { ProcessType } from '../domain/names';
import type { Step } from './step';
import { composeExchange } from './exchange-compose';
import { failureOpensTask } from '../domain/exchange-failures';

interface ChannelRow {
  org_id: string;
  channel: 'email' | 'webhook';
  target: string;
}

/**
 * A step's notifications: its reminders and escalations, and one for each task it opens (a new task
 * reaches its organisation too). Each lands in the organisation's notification centre and, for every
 * channel the organisation configured, in the outbox — in the step's transaction, so a notification
 * exists exactly when its step does. Returns how many outbox messages were written.
 */
export async function writeNotifications(tx: Queryable, step: Step, ports: readonly string[] = []): Promise<number> {
  return (await writeExchanges(tx, step, ports)) + (await writeNotes(tx, step));
}

/**
 * Messages to outside systems: keyed by the step and their place in it, so the key (which the
 * message itself carries as its request id) is the same on every attempt and every retry of the step.
 */
async function writeExchanges(tx: Queryable, step: Step, ports: readonly string[]): Promise<number> {
  let pending = 0;
  for (const [index, exchange] of (step.exchanges ?? []).entries()) {
    // A system this deployment has no endpoint for is not told (a cluster without it, the tests' default).
    if (!ports.includes(exchange.channel)) continue;
    const key = exchangeKey(step.key, index, exchange.channel);
    const requestId = exchange.requestId ?? key;
    const composed = await composeExchange(tx, exchange.channel, requestId, step.processId, exchange.payload);
    await tx.query(
      `INSERT INTO outbox (idempotency_key, step_key, process_id, org_id, channel, target, payload, reply_to, created_at, status, last_error,
         facts, request_id)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        key,
        step.key,
        step.processId,
        exchange.orgId,
        exchange.channel,
        JSON.stringify(composed.message),
        exchange.replyTo ?? null,
        step.at,
        composed.ok ? 'PENDING' : 'FAILED',
        composed.ok ? null : composed.reason,
        JSON.stringify(exchange.payload),
        requestId,
      ],
    );
    // A message that cannot be composed is left to the delivery too: it opens the responsible organisation's task.
    if (composed.ok || failureOpensTask(exchange.channel)) pending++;
  }
  return pending;
}

export const exchangeKey = (stepKey: string, index: number, channel: string) => `${stepKey}/x${index}/${channel}`;

async function writeNotes(tx: Queryable, step: Step): Promise<number> {
  const notes: { orgId: string; kind: NotificationKind; message: string }[] = [
    ...step.notifications,
    ...step.openTasks.map((task) => ({ orgId: task.orgId, kind: 'task' as const, message: task.title.zh })),
  ];
  if (!notes.length) return 0;
  const channels = await tx.query<ChannelRow>(
    `SELECT org_id, channel, target FROM notification_channels WHERE enabled AND org_id = ANY($1) ORDER BY channel`,
    [[...new Set(notes.map((note) => note.orgId))]],
  );
  const processTitle = processDefinitions[step.processType as ProcessType]?.title.zh ?? step.processType;
  let written = 0;
  for (const [index, note] of notes.entries()) {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO notifications (process_id, org_id, kind, message, at, step_key) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [step.processId, note.orgId, note.kind, note.message, step.at, step.key],
    );
    const text = notificationText({ kind: note.kind, processTitle, processId: step.processId, message: note.message });
    for (const channel of channels.filter((c) => c.org_id === note.orgId)) {
      const payload =
        channel.channel === 'email'
          ? { subject: text.subject, text: text.body }
          : { msgtype: 'text', text: { content: `${text.subject}\n${text.body}` } };
      await tx.query(
        `INSERT INTO outbox (idempotency_key, step_key, process_id, org_id, channel, target, payload, notification_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          `${step.key}/n${index}/${channel.channel}`,
          step.key,
          step.processId,
          note.orgId,
          channel.channel,
          channel.target,
          JSON.stringify(payload),
          row.id,
          step.at,
        ],
      );
      written++;
    }
  }
  return written;
}
