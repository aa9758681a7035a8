import { ApplicationFailure } from '@temporalio/common';
import { taxTransferAnswerSchema, taxTransferRequestSchema, type TaxTransferAnswer, type TaxTransferRequest } from './messages';

/**
 * The tax port over HTTP: the city bureau's system, or the simulator standing in for it. An outage
 * (no answer, a 5xx) is thrown to be retried; a request the system calls malformed (a 4xx) is not
 * retried; an answer, accepted or refused, is returned — a refusal is the system's decision, not a fault.
 */
export function createTaxAdapter(baseUrl: string, timeoutMs = 10_000) {
  return {
    async requestTransfer(request: TaxTransferRequest): Promise<TaxTransferAnswer> {
      const body = taxTransferRequestSchema.parse(request);
      const response = await fetch(new URL('transfers', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': body.requestId },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      if (response.status >= 500 || response.status === 429)
        throw new Error(`tax system unavailable: ${response.status} ${text.slice(0, 200)}`);
      if (!response.ok)
        throw ApplicationFailure.nonRetryable(
          `tax system refused the message: ${response.status} ${text.slice(0, 300)}`,
          'DeliveryRefused',
        );
      const answer = taxTransferAnswerSchema.safeParse(JSON.parse(text));
      if (!answer.success)
        throw ApplicationFailure.nonRetryable(
          `tax system answered outside the contract: ${answer.error.message.slice(0, 300)}`,
          'DeliveryRefused',
        );
      return answer.data;
    },
  };
}
export type TaxAdapter = ReturnType<typeof createTaxAdapter>;
