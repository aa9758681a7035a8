/**
 * Delivers what one step put in the outbox. A process's step starts it as an abandoned child, named
 * by the step's key, once the step has committed: the process never waits for an e-mail or an outside
 * system, and the delivery outlives the run that started it (continue-as-new, the end of a process).
 * Each message is retried with backoff by the `outbox.retry` policy; one that outlasts it is FAILED.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  defineSignal,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  patched,
  proxyActivities,
  startChild,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities';
import type { Delivered } from '../activities/delivery';
import { PERMANENT_DELIVERY_ERRORS } from '../domain/delivery-errors';
import { exchangeFailureProcessId } from '../domain/exchange-failures';
import { searchAttributes } from '../domain/search-attributes';

const records = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 ms', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});

/** What an outside system answered a process's exchange, or that it could not be reached. */
export interface ExchangeAnswer {
  channel: string;
  /** The exchange's idempotency key: a process acts on each answer once. */
  key: string;
  outcome: 'answered' | 'failed';
  answer?: unknown;
  error?: string;
}
export const exchangeAnsweredSignal = defineSignal<[ExchangeAnswer]>('exchangeAnswered');

export interface OutboxDeliveryResult {
  sent: number;
  failed: number;
}

export const outboxWorkflowId = (stepKey: string) => `outbox:${stepKey}`;

export async function outboxDelivery(input: { stepKey: string }): Promise<OutboxDeliveryResult> {
  const { ids, retry, uncomposed = [] } = await records.outboxOfStep(input);
  const sender = proxyActivities<Activities>({
    // An SMTP server or a webhook that hangs is an attempt that failed, not a worker held.
    startToCloseTimeout: '30 seconds',
    retry: {
      initialInterval: retry.initialIntervalMs,
      maximumInterval: retry.maximumIntervalMs,
      backoffCoefficient: 2,
      maximumAttempts: retry.maximumAttempts,
      nonRetryableErrorTypes: PERMANENT_DELIVERY_ERRORS,
    },
  });
  const outcomes = await Promise.all(
    ids.map(async (id) => {
      let delivered: Delivered;
      let error: string | undefined;
      try {
        delivered = await sender.deliverOutboxMessage({ id });
      } catch (failure) {
        error = causeOf(failure);
        delivered = await records.failOutboxMessage({ id, error });
      }
      if (delivered.replyTo) await tell(delivered, error);
      return delivered.status;
    }),
  );
  const failed = [...uncomposed, ...ids.filter((_, i) => outcomes[i] !== 'SENT')];
  // Histories recorded before the failure task have no marker here: they opened none.
  if (failed.length && patched('exchange-failure-task')) for (const id of failed) await openFailureTask(id);
  return { sent: outcomes.filter((s) => s === 'SENT').length, failed: outcomes.filter((s) => s !== 'SENT').length };
}

/**
 * A message to the credit platform, 互联网+监管 or 政务服务网 that failed becomes a task for the
 * organisation responsible, in a process of its own named by the message (so a retry opens it once):
 * the sending process may have ended long before (a registration's last status change).
 */
async function openFailureTask(id: string): Promise<void> {
  const failure = await records.failedExchange({ id });
  if (!failure) return;
  try {
    await startChild('exchangeFailure', {
      workflowId: exchangeFailureProcessId(id),
      args: [{ start: failure }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      memo: { launchedBy: failure.orgId },
      typedSearchAttributes: [
        { key: searchAttributes.processType, value: 'exchange-failure' },
        { key: searchAttributes.stage, value: 'AWAITING_DECISION' },
      ],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/** The process that sent an exchange hears how it went; a process already ended has nothing to hear. */
async function tell(delivered: Delivered, error: string | undefined): Promise<void> {
  const answer: ExchangeAnswer =
    delivered.status === 'SENT'
      ? { channel: delivered.channel, key: delivered.key, outcome: 'answered', answer: delivered.answer }
      : { channel: delivered.channel, key: delivered.key, outcome: 'failed', error: error ?? 'not delivered' };
  try {
    await getExternalWorkflowHandle(delivered.replyTo!).signal(exchangeAnsweredSignal, answer);
  } catch {
    // The process ended meanwhile (an operator's terminate): the outbox keeps the answer for people to see.
  }
}

function causeOf(error: unknown): string {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  return cause instanceof ApplicationFailure || cause instanceof Error ? cause.message : String(cause);
}
