import { createServer, type Server } from 'node:http';
import { signedHeaders } from '../signing';
import { taxTransferRequestSchema, type TaxCallback, type TaxTransferAnswer, type TaxTransferRequest } from './messages';

/** `later`: answers `pending` at once and the decision (`then`) by a signed callback after `afterMs`. */
export type TaxSimulatorMode =
  | { mode: 'accept' }
  | { mode: 'refuse'; reason: string }
  | { mode: 'down' }
  | { mode: 'later'; afterMs: number; then: { result: 'accepted' } | { result: 'refused'; reason: string } };

export const TAX_SYSTEM_CLIENT = 'tax-system';
/** Where the API takes callbacks, relative to its base URL. */
export const TAX_CALLBACK_PATH = '/api/system/tax-callbacks';

/**
 * The city tax bureau's system as `npm start` and the tests meet it: it checks each request against
 * the contract (400 otherwise), answers a repeated requestId with its first answer, and can be told to
 * refuse or to be down (`POST /_control`, or `setMode`). `GET /_received` lists what it took in.
 */
export async function startTaxSimulator(options: { port?: number; host?: string; callback?: { apiUrl?: string; secret: string } } = {}) {
  let current: TaxSimulatorMode = { mode: 'accept' };
  let apiUrl = options.callback?.apiUrl;
  const callbacks: { callback: TaxCallback; status: number }[] = [];
  /** Calls back as the system would, signed: retried a few times while the API does not answer 2xx. */
  async function callBack(callback: TaxCallback): Promise<void> {
    const body = JSON.stringify(callback);
    for (let attempt = 0; attempt < 5; attempt++) {
      const status = await fetch(`${apiUrl}${TAX_CALLBACK_PATH}`, {
        method: 'POST',
        headers: signedHeaders(TAX_SYSTEM_CLIENT, options.callback!.secret, 'POST', TAX_CALLBACK_PATH, body),
        body,
      }).then(
        (r) => r.status,
        () => 0,
      );
      callbacks.push({ callback, status });
      if (status >= 200 && status < 300) return;
      await new Promise((wait) => setTimeout(wait, 500 * 2 ** attempt));
    }
  }
  const answers = new Map<string, TaxTransferAnswer>();
  const received: TaxTransferRequest[] = [];
  let attempts = 0;
  let sequence = 0;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const send = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const json = (() => {
        try {
          return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown) : undefined;
        } catch {
          return undefined;
        }
      })();
      if (req.method === 'GET' && req.url === '/_received') return send(200, { received, attempts, mode: current });
      if (req.method === 'POST' && req.url === '/_control') {
        current = json as TaxSimulatorMode;
        return send(200, current);
      }
      if (req.method !== 'POST' || req.url !== '/transfers') return send(404, { error: 'no such endpoint' });
      attempts++;
      if (current.mode === 'down') return send(503, { error: '系统维护中' });
      const parsed = taxTransferRequestSchema.safeParse(json);
      if (!parsed.success) return send(400, { error: 'request breaks the contract', issues: parsed.error.issues });
      const request = parsed.data;
      const first = answers.get(request.requestId);
      if (first) return send(200, first);
      const decided = (then: { result: 'accepted' } | { result: 'refused'; reason: string }): TaxCallback =>
        then.result === 'refused'
          ? { result: 'refused', requestId: request.requestId, reason: then.reason }
          : {
              result: 'accepted',
              requestId: request.requestId,
              reference: `营税迁〔${new Date().getUTCFullYear()}〕${++sequence}号`,
              acceptedAt: new Date().toISOString(),
            };
      let answer: TaxTransferAnswer;
      if (current.mode === 'later') {
        answer = { result: 'pending', requestId: request.requestId };
        const { afterMs, then } = current;
        setTimeout(() => void callBack(decided(then)), afterMs);
      } else {
        answer = decided(current.mode === 'refuse' ? { result: 'refused', reason: current.reason } : { result: 'accepted' });
      }
      answers.set(request.requestId, answer);
      received.push(request);
      send(200, answer);
    });
  });
  const port = await new Promise<number>((listening) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => listening((server.address() as { port: number }).port)),
  );
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    received,
    /** The callbacks made, with the API's status for each. */
    callbacks,
    attempts: () => attempts,
    setApiUrl(url: string) {
      apiUrl = url;
    },
    /** Sends a callback now, signed with `secret` (the tests' forgeries use another). */
    callBack,
    setMode(mode: TaxSimulatorMode) {
      current = mode;
    },
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
export type TaxSimulator = Awaited<ReturnType<typeof startTaxSimulator>>;
