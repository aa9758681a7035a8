/**
 * What outside systems' calls leave in the records (api/inbound.ts, api/routes/system.ts): every signed
 * request noted, accepted or refused with why, a nonce taken once; 政务服务网's applications by their
 * 办件编号; the tax system's later decision on a 划转 beside the request's first answer. Rows are parsed, not cast.
 */
import { z } from 'zod';
import type { Queryable } from './db';
import { firstOf, idish, json } from './rows';

/** Notes a signed request refused, with why. */
export async function noteRefusedRequest(
  q: Queryable,
  request: { client: string; nonce: string | null; route: string; reason: string },
): Promise<void> {
  await q.query(`INSERT INTO inbound_requests (client, nonce, route, outcome, reason) VALUES ($1, $2, $3, 'refused', $4)`, [
    request.client,
    request.nonce,
    request.route,
    request.reason,
  ]);
}

/**
 * Notes a signed request accepted, taking its nonce: the partial unique index takes a nonce once, so
 * null when the client's nonce was already accepted (a replay); else the note's id.
 */
export async function acceptRequest(q: Queryable, client: string, nonce: string, route: string): Promise<{ id: string } | null> {
  return firstOf(
    q,
    z.object({ id: idish }),
    `INSERT INTO inbound_requests (client, nonce, route, outcome) VALUES ($1, $2, $3, 'accepted') ON CONFLICT (client, nonce) WHERE outcome = 'accepted' DO NOTHING RETURNING id`,
    [client, nonce, route],
  );
}

/** The process an application started, by its 办件编号; null when none was accepted with it. */
export function intakeProcess(q: Queryable, applicationNo: string): Promise<{ process_id: string } | null> {
  return firstOf(q, z.object({ process_id: z.string() }), 'SELECT process_id FROM intake_applications WHERE application_no = $1', [
    applicationNo,
  ]);
}

/** Records the process an application started; an application already recorded stays as it is. */
export async function recordIntake(q: Queryable, applicationNo: string, processId: string): Promise<void> {
  await q.query('INSERT INTO intake_applications (application_no, process_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    applicationNo,
    processId,
  ]);
}

const taxExchangeRow = z.object({
  id: idish,
  status: z.string(),
  // The system's first answer as sent back (recorded when SENT); its `result` says whether it was pending.
  answer: z.object({ result: z.unknown() }).partial().nullable(),
  callback: json,
  reply_to: z.string().nullable(),
});

/** A 划转 request sent to the tax system, by its request id; null when there is none. */
export function taxExchange(q: Queryable, requestId: string): Promise<z.infer<typeof taxExchangeRow> | null> {
  return firstOf(
    q,
    taxExchangeRow,
    `SELECT id, status, answer, callback, reply_to FROM outbox WHERE idempotency_key = $1 AND channel = 'tax'`,
    [requestId],
  );
}

/** Records the tax system's later decision on a request, once: a second changes nothing. */
export async function recordTaxCallback(q: Queryable, id: string, callback: unknown): Promise<void> {
  await q.query('UPDATE outbox SET callback = $2, callback_at = now() WHERE id = $1 AND callback IS NULL', [id, JSON.stringify(callback)]);
}
