import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../store/db';
import { readPolicy } from '../store/policy';
import type { OutboxRetry } from '../domain/notifications';
import { postChatMessage, WebhookRefused, type ChatMessage } from '../integrations/chat-webhook';
import { createMailer, type SmtpSettings } from '../integrations/email';
import { createTaxAdapter } from '../integrations/tax/adapter';
import type { TaxTransferRequest } from '../integrations/tax/messages';
import { createCreditAdapter } from '../integrations/credit/adapter';
import type { CreditMessage } from '../integrations/credit/messages';
import { createSupervisionAdapter } from '../integrations/supervision/adapter';
import type { SupervisionMessage } from '../integrations/supervision/messages';
import { createGovServiceAdapter } from '../integrations/gov-service/adapter';
import type { StatusChange } from '../integrations/gov-service/messages';
import {
  exchangeFailureProcessId,
  FAILURE_TASK_CHANNELS,
  failedMessageSummary,
  failureOpensTask,
  type ExchangeFailureInput,
} from '../domain/exchange-failures';

/** What delivery needs from the deployment; without SMTP settings e-mail messages fail, visibly. */
export interface DeliveryDeps {
  smtp?: SmtpSettings;
  /** The tax system's base URL (TAX_SYSTEM_URL, or the simulator `npm start` runs); none: the 划转 stays manual. */
  taxSystemUrl?: string;
  /** The credit platform (双公示): CREDIT_PLATFORM_URL, or its simulator. */
  creditPlatformUrl?: string;
  /** 互联网+监管: SUPERVISION_PLATFORM_URL, or its simulator. */
  supervisionUrl?: string;
  /** 政务服务网's endpoint for status changes: GOV_SERVICE_URL, or its simulator. */
  govServiceUrl?: string;
}

/** The outside systems a deployment reaches: a process's exchange with another is not written. */
export function configuredPorts(deps: DeliveryDeps = {}): string[] {
  return [
    ...(deps.taxSystemUrl ? ['tax'] : []),
    ...(deps.creditPlatformUrl ? ['credit'] : []),
    ...(deps.supervisionUrl ? ['supervision'] : []),
    ...(deps.govServiceUrl ? ['gov-service'] : []),
  ];
}

/** What a delivery came to, and whom to tell: an exchange's process hears its answer. */
export interface Delivered {
  status: 'SENT' | 'FAILED';
  channel: string;
  key: string;
  replyTo: string | null;
  answer?: unknown;
}

interface OutboxRow {
  id: string;
  idempotency_key: string;
  channel: string;
  target: string;
  payload: Record<string, unknown>;
  status: 'PENDING' | 'SENT' | 'FAILED';
  reply_to: string | null;
  answer: unknown;
}

/**
 * Delivers outbox messages (notification channels here; outside systems add their channels). Each
 * message is sent by its key: a message already SENT is not sent again, and the key travels with it
 * (Message-ID, `Idempotency-Key`) so that the receiver can recognise the repeat a crash between the
 * send and the record of it would make.
 */
export function createDeliveryActivities(db: Db, deps: DeliveryDeps = {}) {
  const mailer = deps.smtp ? createMailer(deps.smtp) : undefined;
  const tax = deps.taxSystemUrl ? createTaxAdapter(deps.taxSystemUrl) : undefined;
  const credit = deps.creditPlatformUrl ? createCreditAdapter(deps.creditPlatformUrl) : undefined;
  const supervision = deps.supervisionUrl ? createSupervisionAdapter(deps.supervisionUrl) : undefined;
  const govService = deps.govServiceUrl ? createGovServiceAdapter(deps.govServiceUrl) : undefined;
  const unavailable = (what: string) => ApplicationFailure.nonRetryable(`no ${what} is configured`, 'ChannelUnavailable');

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
    if (row.channel === 'tax') {
      if (!tax) throw ApplicationFailure.nonRetryable('no tax system is configured (TAX_SYSTEM_URL)', 'ChannelUnavailable');
      return tax.requestTransfer(row.payload as unknown as TaxTransferRequest);
    }
    if (row.channel === 'credit') {
      if (!credit) throw unavailable('credit platform (CREDIT_PLATFORM_URL)');
      return credit.publish(row.payload as unknown as CreditMessage);
    }
    if (row.channel === 'supervision') {
      if (!supervision) throw unavailable('supervision platform (SUPERVISION_PLATFORM_URL)');
      return supervision.report(row.payload as unknown as SupervisionMessage);
    }
    if (row.channel === 'gov-service') {
      if (!govService) throw unavailable('政务服务网 endpoint (GOV_SERVICE_URL)');
      return govService.statusChanged(row.payload as unknown as StatusChange);
    }
    throw ApplicationFailure.nonRetryable(`no adapter for channel ${row.channel}`, 'ChannelUnavailable');
  }

  return {
    /** A step's messages still to deliver, and the retry policy to deliver them with. */
    async outboxOfStep(input: { stepKey: string }): Promise<{ ids: string[]; retry: OutboxRetry; uncomposed: string[] }> {
      const rows = await db.query<{ id: string }>(`SELECT id FROM outbox WHERE step_key = $1 AND status = 'PENDING' ORDER BY id`, [
        input.stepKey,
      ]);
      // Messages that could not meet their contract were written FAILED, never tried: each still opens a task.
      const uncomposed = await db.query<{ id: string }>(
        `SELECT id FROM outbox WHERE step_key = $1 AND status = 'FAILED' AND attempts = 0 AND channel = ANY($2) ORDER BY id`,
        [input.stepKey, [...FAILURE_TASK_CHANNELS]],
      );
      const retry = (await readPolicy(db, 'outbox.retry', '*')) as OutboxRetry;
      return { ids: rows.map((row) => String(row.id)), retry, uncomposed: uncomposed.map((row) => String(row.id)) };
    },

    /**
     * What a failed message's task needs: its port, owner, facts and error. Null where no task is due: a
     * port whose process handles its own failures (the tax system's), a message sent meanwhile, or a
     * message that was itself a failed one sent again (its task is open in the process that sent it).
     */
    async failedExchange(input: { id: string }): Promise<ExchangeFailureInput | null> {
      const [row] = await db.query<{
        id: string;
        channel: string;
        status: string;
        org_id: string;
        process_id: string;
        last_error: string | null;
        attempts: number;
        facts: Record<string, unknown> | null;
        request_id: string | null;
        idempotency_key: string;
        reply_to: string | null;
      }>(
        `SELECT id, channel, status, org_id, process_id, last_error, attempts, facts, request_id, idempotency_key, reply_to
         FROM outbox WHERE id = $1`,
        [input.id],
      );
      if (!row || row.status !== 'FAILED' || !failureOpensTask(row.channel) || !row.facts) return null;
      if (row.reply_to?.startsWith(exchangeFailureProcessId(''))) return null;
      return {
        outboxId: String(row.id),
        channel: row.channel,
        requestId: row.request_id ?? row.idempotency_key,
        orgId: row.org_id,
        sourceProcessId: row.process_id,
        summary: failedMessageSummary(row.channel, row.facts),
        error: row.last_error ?? 'not delivered',
        attempts: Number(row.attempts),
        facts: row.facts,
      };
    },

    /** Whether registrations send their 划转 to the tax system (else it is three tasks, as before the port). */
    async taxTransferBySystem(): Promise<boolean> {
      return Boolean(tax);
    },

    /** Sends one message, once: each attempt is counted, its error kept, and SENT recorded with the answer. */
    async deliverOutboxMessage(input: { id: string }): Promise<Delivered> {
      const [row] = await db.query<OutboxRow>(
        `UPDATE outbox SET attempts = attempts + 1, last_attempt_at = now() WHERE id = $1 AND status = 'PENDING'
         RETURNING id, idempotency_key, channel, target, payload, status, reply_to, answer`,
        [input.id],
      );
      if (!row) {
        const [done] = await db.query<OutboxRow>(
          'SELECT id, idempotency_key, channel, status, reply_to, answer FROM outbox WHERE id = $1',
          [input.id],
        );
        return {
          status: done?.status === 'SENT' ? 'SENT' : 'FAILED',
          channel: done?.channel ?? '',
          key: done?.idempotency_key ?? '',
          replyTo: done?.reply_to ?? null,
          answer: done?.answer,
        };
      }
      let answer: unknown;
      try {
        answer = await send(row);
      } catch (error) {
        await db.query('UPDATE outbox SET last_error = $2 WHERE id = $1', [input.id, String((error as Error).message).slice(0, 500)]);
        throw error;
      }
      await db.query(`UPDATE outbox SET status = 'SENT', sent_at = now(), answer = $2, last_error = NULL WHERE id = $1`, [
        input.id,
        JSON.stringify(answer ?? null),
      ]);
      return { status: 'SENT', channel: row.channel, key: row.idempotency_key, replyTo: row.reply_to, answer };
    },

    /** Gives a message up after the retry policy: FAILED, with the last error, for people to see. */
    async failOutboxMessage(input: { id: string; error: string }): Promise<Delivered> {
      await db.query(`UPDATE outbox SET status = 'FAILED', last_error = $2 WHERE id = $1 AND status = 'PENDING'`, [
        input.id,
        input.error.slice(0, 500),
      ]);
      const [row] = await db.query<OutboxRow>('SELECT idempotency_key, channel, reply_to, status FROM outbox WHERE id = $1', [input.id]);
      return { status: row.status === 'SENT' ? 'SENT' : 'FAILED', channel: row.channel, key: row.idempotency_key, replyTo: row.reply_to };
    },
  };
}
