import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Client } from '@temporalio/client';
import { JSONToPayload, payloadToJSON } from '@temporalio/common/lib/proto-utils';
import { requireRouteRole, ruleOf } from './access';
import { requireUser, type TokenSettings, type User } from './auth';
import type { Queryable } from '../store/db';
import { invalidInput, refused } from './errors';

/**
 * The Temporal codec server protocol (`POST /codec/encode`, `POST /codec/decode`, `{payloads}` in the
 * JSON form of the engine's API) for an operator's CLI:
 * `temporal workflow show --codec-endpoint <API>/codec --codec-auth 'Bearer <login token>'`.
 *
 * - decode opens sealed payloads for a signed-in auditor or supervising admin (api/access.ts), and for
 *   no one else: a personal datum in a payload is read by those who may read every process;
 * - encode seals nothing: it hands the payloads back as they came, so CLI commands that send
 *   arguments (`workflow query`) work, while an update or start sent that way reaches the worker
 *   unsealed and is refused there (worker/create-worker.ts). Sealing is the API's proof of origin,
 *   so no one outside the API may have it done.
 *
 * No key in a URL: the Temporal UI gets no codec endpoint and shows payloads sealed.
 */
// The CLI sends `{}` for no payloads (protobuf's JSON leaves an empty list out): that is an empty list.
const payloadsSchema = z
  .object({
    payloads: z
      .array(z.object({ metadata: z.record(z.string(), z.string()).optional(), data: z.string().optional() }).strict())
      .default([]),
  })
  .strict();

const CODEC_BODY_LIMIT = '4mb';

export function codecServer(deps: { client: Client; token: TokenSettings; db: Queryable }): express.Router {
  const router = express.Router();
  const codecs = deps.client.options.loadedDataConverter.payloadCodecs;

  const handle = (operation: 'encode' | 'decode') => async (req: Request, res: Response, next: NextFunction) => {
    try {
      const parsed = payloadsSchema.safeParse(req.body);
      // A codec request is {payloads: [{metadata, data}]}: each failing field by its path.
      if (!parsed.success) throw invalidInput(parsed.error, 'body', 'codec request');
      if (operation === 'encode') return void res.json({ payloads: parsed.data.payloads });
      // Decoding undoes the codecs in reverse order, as the SDK does; one payload at a time, so a refusal names the one that does not open.
      const opened = [];
      for (const [index, sent] of parsed.data.payloads.entries()) {
        let payloads = [JSONToPayload(sent)];
        try {
          for (const codec of [...codecs].reverse()) payloads = await codec.decode(payloads);
        } catch {
          // Only the caller's payloads can fail to open (another deployment's key, altered bytes): its input.
          throw refused('PAYLOAD_NOT_OPENED', { index }, `body.payloads.${index}`);
        }
        opened.push(...payloads);
      }
      res.json({ payloads: opened.map((payload) => payloadToJSON(payload)) });
    } catch (error) {
      next(error);
    }
  };
  const label = (template: string) => (_req: Request, res: Response, next: NextFunction) => {
    res.locals.route = template;
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

  for (const operation of ['encode', 'decode'] as const) {
    // The token and the role first: nobody's body is read before they are known.
    router.post(
      `/codec/${operation}`,
      label(`/codec/${operation}`),
      requireUser(deps.token, deps.db),
      byRole(operation),
      express.json({ limit: CODEC_BODY_LIMIT }),
      handle(operation),
    );
  }
  return router;
}
