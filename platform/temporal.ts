import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { NativeConnection } from '@temporalio/worker';
import type { Config } from './config';

type EngineConfig = Pick<
  Config,
  'TEMPORAL_NAMESPACE' | 'TEMPORAL_TLS_CERT' | 'TEMPORAL_TLS_KEY' | 'TEMPORAL_TLS_CA' | 'TEMPORAL_API_KEY'
>;

/** mTLS from files, or TLS with an API key (Temporal Cloud), or plain for a local server. */
function connectionOptions(address: string, config: EngineConfig) {
  const mtls = config.TEMPORAL_TLS_CERT && config.TEMPORAL_TLS_KEY;
  const tls = mtls
    ? {
        clientCertPair: { crt: readFileSync(config.TEMPORAL_TLS_CERT!), key: readFileSync(config.TEMPORAL_TLS_KEY!) },
        serverRootCACertificate: config.TEMPORAL_TLS_CA ? readFileSync(config.TEMPORAL_TLS_CA) : undefined,
      }
    : config.TEMPORAL_API_KEY
      ? true
      : undefined;
  return { address, tls, apiKey: config.TEMPORAL_API_KEY };
}

/** A client; with `codec`, what it sends is encrypted and what it reads decrypted (setup needs none). */
export async function connectClient(address: string, config: EngineConfig, codec?: PayloadCodec): Promise<Client> {
  const connection = await Connection.connect(connectionOptions(address, config));
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: codec ? { payloadCodecs: [codec] } : undefined });
}

export function connectWorker(address: string, config: EngineConfig): Promise<NativeConnection> {
  return NativeConnection.connect(connectionOptions(address, config));
}
