import { createServer, type Server } from 'node:http';
import { SMTPServer } from 'smtp-server';

/** A mail as an inbox shows it: headers decoded, the text body decoded. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  messageId: string;
  idempotencyKey: string;
  text: string;
}

/** A real SMTP server in this process: whatever the product sends is parsed into `mails`. */
export async function startSmtpInbox() {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  const port = await new Promise<number>((listening) => {
    server.listen(0, '127.0.0.1', () => listening((server.server.address() as { port: number }).port));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body, 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return {
    to,
    subject: decodeWords(headers.get('subject') ?? ''),
    messageId: headers.get('message-id') ?? '',
    idempotencyKey: headers.get('x-idempotency-key') ?? '',
    text: text.replace(/\r\n/g, '\n').trim(),
  };
}

function decodeWords(value: string): string {
  return value.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_all, kind: string, data: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const soft = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

export interface ReceivedPost {
  path: string;
  idempotencyKey: string;
  body: unknown;
  accepted: boolean;
}

/**
 * A chat robot's webhook on this host, answering as DingTalk does (`{errcode: 0}`). `failNext` makes
 * the next answers a 500 (an outage); `posts` keeps every request, `accepted` those answered 200.
 */
export async function startWebhookReceiver() {
  const posts: ReceivedPost[] = [];
  const state = { failNext: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      // An address the robot does not know: a 404, which no retry mends.
      if (req.url?.startsWith('/gone')) {
        posts.push({ path: req.url, idempotencyKey: String(req.headers['idempotency-key'] ?? ''), body: undefined, accepted: false });
        res.writeHead(404).end('no such robot');
        return;
      }
      const failing = state.failNext > 0;
      if (failing) state.failNext--;
      posts.push({
        path: req.url ?? '',
        idempotencyKey: String(req.headers['idempotency-key'] ?? ''),
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        accepted: !failing,
      });
      res.writeHead(failing ? 500 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(failing ? { errcode: -1, errmsg: 'system busy' } : { errcode: 0, errmsg: 'ok' }));
    });
  });
  const port = await new Promise<number>((listening) =>
    server.listen(0, '127.0.0.1', () => listening((server.address() as { port: number }).port)),
  );
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    posts,
    accepted: () => posts.filter((post) => post.accepted),
    state,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
