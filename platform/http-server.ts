import { createServer } from 'node:http';
import type { Express } from 'express';

export interface HttpServer {
  port: number;
  /** Stops accepting, lets in-flight requests finish, and cuts what is left after `graceMs`. */
  close(graceMs: number): Promise<void>;
}

export async function listen(app: Express, port: number, host?: string): Promise<HttpServer> {
  let closing = false;
  const server = createServer((req, res) => {
    // A kept-alive connection would go on bringing requests to a closing server: end each one.
    if (closing) res.setHeader('Connection', 'close');
    app(req, res);
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    // Without a host Node listens on every interface, IPv6 too where the machine has it.
    server.listen(port, host, () => listening());
  });
  return {
    port: (server.address() as { port: number }).port,
    close(graceMs) {
      closing = true;
      return new Promise((closed) => {
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(cut);
          closed();
        });
        server.closeIdleConnections();
      });
    },
  };
}
