import type { Request } from 'express';
import { checkSignature } from '../integrations/signing';
import { acceptRequest, noteRefusedRequest } from '../store/system-exchanges';
import { HttpError } from './errors';
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
  const refuse = async (client: string, reason: string, nonce?: string): Promise<never> => {
    await noteRefusedRequest(deps.db, { client: client.slice(0, 100), nonce: nonce ?? null, route, reason });
    throw new HttpError(401, 'UNAUTHENTICATED', {
      zh: `系统请求未通过验证：${reason}`,
      en: `the system request was not authenticated: ${reason}`,
    });
  };
  if (!check.ok) return refuse(check.client, check.reason);
  if (check.client !== expected) return refuse(check.client, `${check.client} 无权调用此接口`);
  // The partial unique index takes a nonce once: a second request with it, however well signed, is a replay.
  const taken = await acceptRequest(deps.db, check.client, check.nonce, route);
  if (!taken) return refuse(check.client, '重放的请求（X-Nonce 已使用）', check.nonce);
  return check.client;
}
