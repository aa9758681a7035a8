import type { Request } from 'express';
import { checkSignature } from '../integrations/signing';
import { acceptRequest, noteRefusedRequest } from '../store/system-exchanges';
import type { SystemAuthCause } from '../domain/refusals';
import { refused } from './errors';
import type { ApiDeps } from './route';

/**
 * An outside system's signed request, checked before anything of it is acted on: the client known,
 * the signature over the bytes as sent valid, the timestamp recent and the nonce never accepted
 * before. Every request is noted (accepted, or refused with why); a refusal is a 401 that changes
 * nothing else. Returns the client's id.
 */
export async function requireSignedClient(deps: ApiDeps, req: Request, expected: string): Promise<string> {
  const route = `${req.method} ${req.baseUrl}${req.path}`;
  const check = checkSignature(deps.systemClients ?? {}, {
    method: req.method,
    path: `${req.baseUrl}${req.path}`,
    header: (name) => req.header(name),
    body: (req as { rawBody?: Buffer }).rawBody,
  });
  /** The refusal is noted with the request in Chinese (the operators' record), answered by its code. */
  const refuse = async (client: string, cause: SystemAuthCause, reason: string, nonce?: string): Promise<never> => {
    await noteRefusedRequest(deps.db, { client: client.slice(0, 100), nonce: nonce ?? null, route, reason });
    throw refused('SYSTEM_NOT_AUTHENTICATED', { client, cause });
  };
  if (!check.ok) return refuse(check.client, check.cause, check.reason);
  if (check.client !== expected) return refuse(check.client, 'NOT_THIS_CLIENT', `${check.client} 无权调用此接口`);
  // The partial unique index takes a nonce once: a second request with it, however well signed, is a replay.
  const taken = await acceptRequest(deps.db, check.client, check.nonce, route);
  if (!taken) return refuse(check.client, 'REPLAYED', '重放的请求（X-Nonce 已使用）', check.nonce);
  return check.client;
}
