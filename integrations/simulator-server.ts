import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { z } from 'zod';

export type SimulatorMode = { mode: 'accept' } | { mode: 'down' };

/** An answer other than 200: a simulator's way to say "not yet" (409) or "no" (4xx). */
export class SimulatorAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/**
 * An outside system as `npm start` and the tests meet it: each message is checked against the
 * contract's schema (400 otherwise), a repeated requestId gets its first answer and is not taken in
 * twice, and the system can be told to be down (`POST /_control {"mode":"down"}`, or `setMode`).
 * `GET /_received` lists what it took in, once each, and how many attempts reached it.
 */
export async function startPortSimulator<S extends z.ZodType<{ requestId: string }>>(options: {
  path: string;
  schema: S;
  answer(message: z.infer<S>, received: z.infer<S>[]): unknown;
  port?: number;
  host?: string;
}) {
  let current: SimulatorMode = { mode: 'accept' };
  const answers = new Map<string, unknown>();
  const received: z.infer<S>[] = [];
  let attempts = 0;

  const server: Server = createServer((req, res) => {
    void readJson(req).then((json) => {
      const send = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.method === 'GET' && req.url === '/_received') return send(200, { received, attempts, mode: current });
      if (req.method === 'POST' && req.url === '/_control') {
        current = json as SimulatorMode;
        return send(200, current);
      }
      if (req.method !== 'POST' || req.url !== options.path) return send(404, { error: 'no such endpoint' });
      attempts++;
      if (current.mode === 'down') return send(503, { error: '系统维护中' });
      const parsed = options.schema.safeParse(json);
      if (!parsed.success) return send(400, { error: 'message breaks the contract', issues: parsed.error.issues });
      const message = parsed.data;
      if (answers.has(message.requestId)) return send(200, answers.get(message.requestId));
      let answer: unknown;
      try {
        answer = options.answer(message, received);
      } catch (error) {
        if (error instanceof SimulatorAnswer) return send(error.status, error.body);
        throw error;
      }
      answers.set(message.requestId, answer);
      received.push(message);
      send(200, answer);
    });
  });
  const host = options.host ?? '127.0.0.1';
  const port = await new Promise<number>((listening) =>
    server.listen(options.port ?? 0, host, () => listening((server.address() as { port: number }).port)),
  );
  return {
    url: `http://${host}:${port}`,
    received,
    attempts: () => attempts,
    setMode(mode: SimulatorMode) {
      current = mode;
    },
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

export function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        done(chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown) : undefined);
      } catch {
        done(undefined);
      }
    });
  });
}
