import type { Server } from 'node:http';
import type { Express } from 'express';

export interface HttpServer {
  port: number;
  /** Stops accepting, lets in-flight requests finish, and cuts what is left after `graceMs`. */
  close(graceMs: number): Promise<void>;
}

export async function listen(app: Express, port: number, host?: string): Promise<HttpServer> {
  const server = await new Promise<Server>((listening, failed) => {
    const done = (error?: Error) => (error ? failed(error) : listening(s));
    // Without a host Node listens on every interface, IPv6 too where the machine has it.
    const s = host ? app.listen(port, host, done) : app.listen(port, done);
  });
  return {
    port: (server.address() as { port: number }).port,
    close(graceMs) {
      return new Promise((closed) => {
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(cut);
          closed();
        });
        // Keep-alive connections with no request in flight would hold close() until they time out.
        server.closeIdleConnections();
      });
    },
  };
}
