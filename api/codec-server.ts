import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Client } from '@temporalio/client';
import { JSONToPayload, payloadToJSON } from '@temporalio/common/lib/proto-utils';
import { requireRouteRole, ruleOf } from './access';
import { requireUser, type TokenSettings, type User } from './auth';
import { badRequest, forbidden, zodDetails } from './errors';

/**
 * The Temporal codec server protocol (`POST …/encode`, `POST …/decode`, `{payloads}` in the JSON form
 * of the engine's API), so the Temporal UI and CLI can show decoded payloads to an operator:
 *
 * - `/codec/encode|decode` with `Authorization: Bearer <login token>` of an admin or auditor, for the
 *   CLI (`temporal workflow show --codec-endpoint <API>/codec --codec-auth 'Bearer …'`);
 * - `/codec/ui/<key>/encode|decode` for the Temporal UI, which cannot send a header of ours: the key
 *   in the path is the credential, derived from TOKEN_SECRET so every API replica knows it.
 */
const payloadsSchema = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), z.string()).optional(), data: z.string().optional() }).strict()),
});

/** The path key the Temporal UI is configured with (`--ui-codec-endpoint <API>/codec/ui/<key>`). */
export function uiCodecKey(tokenSecret: string): string {
  return createHmac('sha256', tokenSecret).update('temporal-ui-codec').digest('base64url');
}

function cors(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Access-Control-Allow-Origin', req.header('origin') ?? '*');
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'content-type, x-namespace, authorization');
  if (req.method === 'OPTIONS') {
    res.status(204).end();
    return;
  }
  next();
}

export function codecServer(deps: { client: Client; token: TokenSettings }): express.Router {
  const router = express.Router();
  const codecs = deps.client.options.loadedDataConverter.payloadCodecs;
  const uiKey = Buffer.from(uiCodecKey(deps.token.secret));

  const handle = (operation: 'encode' | 'decode') => async (req: Request, res: Response, next: NextFunction) => {
    try {
      const parsed = payloadsSchema.safeParse(req.body);
      if (!parsed.success) throw badRequest('a codec request is {payloads: [{metadata, data}]}', zodDetails(parsed.error, 'body'));
      let payloads = parsed.data.payloads.map((payload) => JSONToPayload(payload));
      // Decoding undoes the codecs in reverse order, as the SDK does.
      for (const codec of operation === 'encode' ? codecs : [...codecs].reverse()) payloads = await codec[operation](payloads);
      res.json({ payloads: payloads.map((payload) => payloadToJSON(payload)) });
    } catch (error) {
      next(error);
    }
  };
  const label = (template: string) => (_req: Request, res: Response, next: NextFunction) => {
    res.locals.route = template;
    // The UI's key is a credential: the request line names the template, never the path.
    res.locals.logPath = template;
    next();
  };
  const byRole = (operation: string) => (_req: Request, res: Response, next: NextFunction) => {
    try {
      requireRouteRole(ruleOf('post', `/codec/${operation}`), res.locals.user as User, `POST /codec/${operation}`);
      next();
    } catch (error) {
      next(error);
    }
  };
  const byKey = (req: Request, _res: Response, next: NextFunction) => {
    const given = Buffer.from(String(req.params.key));
    next(given.length === uiKey.length && timingSafeEqual(given, uiKey) ? undefined : forbidden('not the codec key of this deployment'));
  };

  for (const operation of ['encode', 'decode'] as const) {
    router.all(`/codec/${operation}`, label(`/codec/${operation}`), cors);
    router.post(`/codec/${operation}`, requireUser(deps.token), byRole(operation), handle(operation));
    router.all(`/codec/ui/:key/${operation}`, label(`/codec/ui/{key}/${operation}`), cors);
    router.post(`/codec/ui/:key/${operation}`, byKey, handle(operation));
  }
  return router;
}
