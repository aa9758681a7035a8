import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../store/db';
import { readPolicy } from '../store/policy';
import type { OutboxRetry } from '../domain/notifications';
import { postChatMessage, WebhookRefused, type ChatMessage } from '../integrations/chat-webhook';
import { createMailer, type SmtpSettings } from '../integrations/email';

/** What delivery needs from the deployment; without SMTP settings e-mail messages fail, visibly. */
export interface DeliveryDeps {
  smtp?: SmtpSettings;
}

interface OutboxRow {
  id: string;
  idempotency_key: string;
  channel: string;
  target: string;
  payload: Record<string, unknown>;
  status: 'PENDING' | 'SENT' | 'FAILED';
}

/**
 * Delivers outbox messages (notification channels here; outside systems add their channels). Each
 * message is sent by its key: a message already SENT is not sent again, and the key travels with it
 * (Message-ID, `Idempotency-Key`) so that the receiver can recognise the repeat a crash between the
 * send and the record of it would make.
 */
export function createDeliveryActivities(db: Db, deps: DeliveryDeps = {}) {
  const mailer = deps.smtp ? createMailer(deps.smtp) : undefined;

  async function send(row: OutboxRow): Promise<unknown> {
    if (row.channel === 'email') {
      if (!mailer) throw ApplicationFailure.nonRetryable('no SMTP server is configured (SMTP_URL)', 'ChannelUnavailable');
      const payload = row.payload as { subject: string; text: string };
      return mailer.send({ to: row.target, subject: payload.subject, text: payload.text, idempotencyKey: row.idempotency_key });
    }
    if (row.channel === 'webhook') {
      try {
        return await postChatMessage(row.target, row.payload as unknown as ChatMessage, row.idempotency_key);
      } catch (error) {
        if (error instanceof WebhookRefused && error.permanent) throw ApplicationFailure.nonRetryable(error.message, 'DeliveryRefused');
        throw error;
      }
    }
    throw ApplicationFailure.nonRetryable(`no adapter for channel ${row.channel}`, 'ChannelUnavailable');
  }

  return {
    /** A step's messages still to deliver, and the retry policy to deliver them with. */
    async outboxOfStep(input: { stepKey: string }): Promise<{ ids: string[]; retry: OutboxRetry }> {
      const rows = await db.query<{ id: string }>(`SELECT id FROM outbox WHERE step_key = $1 AND status = 'PENDING' ORDER BY id`, [input.stepKey]);
      const retry = (await readPolicy(db, 'outbox.retry', '*')) as OutboxRetry;
      return { ids: rows.map((row) => String(row.id)), retry };
    },

    /** Sends one message, once: each attempt is counted, its error kept, and SENT recorded with the answer. */
    async deliverOutboxMessage(input: { id: string }): Promise<{ status: 'SENT' | 'FAILED' }> {
      const [row] = await db.query<OutboxRow>(
        `UPDATE outbox SET attempts = attempts + 1, last_attempt_at = now() WHERE id = $1 AND status = 'PENDING'
         RETURNING id, idempotency_key, channel, target, payload, status`,
        [input.id],
      );
      if (!row) {
        const [done] = await db.query<{ status: 'SENT' | 'FAILED' }>('SELECT status FROM outbox WHERE id = $1', [input.id]);
        return { status: done?.status ?? 'FAILED' };
      }
      let answer: unknown;
      try {
        answer = await send(row);
      } catch (error) {
        await db.query('UPDATE outbox SET last_error = $2 WHERE id = $1', [input.id, String((error as Error).message).slice(0, 500)]);
        throw error;
      }
      await db.query(`UPDATE outbox SET status = 'SENT', sent_at = now(), answer = $2, last_error = NULL WHERE id = $1`, [
        input.id, JSON.stringify(answer ?? null),
      ]);
      return { status: 'SENT' };
    },

    /** Gives a message up after the retry policy: FAILED, with the last error, for people to see. */
    async failOutboxMessage(input: { id: string; error: string }): Promise<void> {
      await db.query(`UPDATE outbox SET status = 'FAILED', last_error = $2 WHERE id = $1 AND status = 'PENDING'`, [input.id, input.error.slice(0, 500)]);
    },
  };
}
