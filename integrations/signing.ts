/**
 * How an outside system signs what it sends us (and how our simulators sign): HMAC-SHA256 with a
 * secret shared with that client, over the method, the path, a timestamp, a nonce and the body's
 * SHA-256. The timestamp bounds how long a captured request could be replayed; the nonce, recorded
 * once accepted, refuses it within that window.
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { SystemAuthCause } from '../domain/refusals';

export const SIGNATURE_HEADERS = { client: 'x-client-id', timestamp: 'x-timestamp', nonce: 'x-nonce', signature: 'x-signature' } as const;
/** How far a request's timestamp may be from our clock, either way. */
export const MAX_SKEW_MS = 5 * 60_000;

export function signature(
  secret: string,
  parts: { method: string; path: string; timestamp: string; nonce: string; body: string | Buffer },
): string {
  const digest = createHash('sha256').update(parts.body).digest('hex');
  return createHmac('sha256', secret)
    .update(`${parts.method.toUpperCase()}\n${parts.path}\n${parts.timestamp}\n${parts.nonce}\n${digest}`)
    .digest('hex');
}

/** The headers a client sends with a body it signs. */
export function signedHeaders(
  client: string,
  secret: string,
  method: string,
  path: string,
  body: string,
  now = Date.now(),
): Record<string, string> {
  const timestamp = String(now);
  const nonce = randomUUID();
  return {
    'content-type': 'application/json',
    [SIGNATURE_HEADERS.client]: client,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: signature(secret, { method, path, timestamp, nonce, body }),
  };
}

/** A refused check's `cause` is its catalogued refusal's (`SYSTEM_NOT_AUTHENTICATED`); `reason` the Chinese noted with the request. */
export type SignatureCheck =
  { ok: true; client: string; nonce: string } | { ok: false; client: string; reason: string; cause: SystemAuthCause };

/** Checks a request's signature against the client's secret and its timestamp against the clock (not yet the nonce). */
export function checkSignature(
  secrets: Readonly<Record<string, string>>,
  request: { method: string; path: string; header(name: string): string | undefined; body: Buffer | undefined },
  now = Date.now(),
): SignatureCheck {
  const client = request.header(SIGNATURE_HEADERS.client) ?? '';
  const timestamp = request.header(SIGNATURE_HEADERS.timestamp) ?? '';
  const nonce = request.header(SIGNATURE_HEADERS.nonce) ?? '';
  const given = request.header(SIGNATURE_HEADERS.signature) ?? '';
  const secret = Object.prototype.hasOwnProperty.call(secrets, client) ? secrets[client] : undefined;
  if (!secret)
    return client
      ? { ok: false, client, reason: `未知的系统客户端 ${client}`, cause: 'CLIENT_UNKNOWN' }
      : { ok: false, client, reason: '缺少系统客户端标识（X-Client-Id）', cause: 'CLIENT_MISSING' };
  if (!given || !nonce || !timestamp)
    return { ok: false, client, reason: '请求未签名（缺少 X-Timestamp、X-Nonce 或 X-Signature）', cause: 'UNSIGNED' };
  if (!/^\d{10,16}$/.test(timestamp))
    return { ok: false, client, reason: 'X-Timestamp 应为以毫秒计的 Unix 时间', cause: 'TIMESTAMP_MALFORMED' };
  if (Math.abs(now - Number(timestamp)) > MAX_SKEW_MS)
    return { ok: false, client, reason: '请求时间戳超出允许范围（5 分钟）', cause: 'STALE' };
  if (nonce.length > 100) return { ok: false, client, reason: 'X-Nonce 过长', cause: 'NONCE_TOO_LONG' };
  const expected = signature(secret, {
    method: request.method,
    path: request.path,
    timestamp,
    nonce,
    body: request.body ?? Buffer.alloc(0),
  });
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(given, 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, client, reason: '签名无效', cause: 'BAD_SIGNATURE' };
  return { ok: true, client, nonce };
}

/** A fresh secret, for a simulator and the API it calls to share. */
export const newSecret = () => createHash('sha256').update(randomUUID()).digest('hex');
