/**
 * Delivers what one step put in the outbox. A process's step starts it as an abandoned child, named
 * by the step's key, once the step has committed: the process never waits for an e-mail or an outside
 * system, and the delivery outlives the run that started it (continue-as-new, the end of a process).
 * Each message is retried with backoff by the `outbox.retry` policy; one that outlasts it is FAILED.
 */
import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { PERMANENT_DELIVERY_ERRORS } from '../domain/delivery-errors';

const records = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 ms', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});

export interface OutboxDeliveryResult {
  sent: number;
  failed: number;
}

export const outboxWorkflowId = (stepKey: string) => `outbox:${stepKey}`;

export async function outboxDelivery(input: { stepKey: string }): Promise<OutboxDeliveryResult> {
  const { ids, retry } = await records.outboxOfStep(input);
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
      try {
        return (await sender.deliverOutboxMessage({ id })).status;
      } catch (error) {
        await records.failOutboxMessage({ id, error: causeOf(error) });
        return 'FAILED' as const;
      }
    }),
  );
  return { sent: outcomes.filter((s) => s === 'SENT').length, failed: outcomes.filter((s) => s !== 'SENT').length };
}

function causeOf(error: unknown): string {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  return cause instanceof ApplicationFailure || cause instanceof Error ? cause.message : String(cause);
}
