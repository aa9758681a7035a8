import { ApplicationFailure } from '@temporalio/common';
import type { z } from 'zod';

/**
 * One message to an outside system over HTTP, as every port sends it: JSON with the exchange's key as
 * `Idempotency-Key` (percent-encoded). No answer, a 5xx, a 429 or a 409 ("not yet": what it refers to has not arrived)
 * is thrown to be retried with backoff; any other 4xx, or an answer outside the contract, is permanent.
 */
export async function postMessage<A extends z.ZodType>(
  system: string,
  baseUrl: string,
  path: string,
  body: { requestId: string },
  answerSchema: A,
  timeoutMs = 10_000,
): Promise<z.infer<A>> {
  const response = await fetch(new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`), {
    method: 'POST',
    // Header values are bytes: a key naming a 文号 travels percent-encoded (the body carries it as is).
    headers: { 'content-type': 'application/json', 'idempotency-key': encodeURIComponent(body.requestId) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (response.status >= 500 || response.status === 429 || response.status === 409) {
    throw new Error(`${system} unavailable: ${response.status} ${text.slice(0, 200)}`);
  }
  if (!response.ok)
    throw ApplicationFailure.nonRetryable(`${system} refused the message: ${response.status} ${text.slice(0, 300)}`, 'DeliveryRefused');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw ApplicationFailure.nonRetryable(`${system} answered with no JSON: ${text.slice(0, 200)}`, 'DeliveryRefused');
  }
  const answer = answerSchema.safeParse(json);
  if (!answer.success)
    throw ApplicationFailure.nonRetryable(
      `${system} answered outside the contract: ${answer.error.message.slice(0, 300)}`,
      'DeliveryRefused',
    );
  return answer.data;
}
