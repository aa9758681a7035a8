import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { NativeConnection } from '@temporalio/worker';
import type { Config } from './config';

type EngineConfig = Pick<Config, 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TLS_CERT' | 'TEMPORAL_TLS_KEY' | 'TEMPORAL_TLS_CA' | 'TEMPORAL_API_KEY'>;

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

/**
 * The largest message the client reads. A history page holds up to 1,000 events, each payload up to
 * the engine's 2 MB blob limit, so a long process's pages pass gRPC's default 4 MB: reading them
 * (timeline, export) would fail with it.
 */
export const MAX_RECEIVE_BYTES = 256 * 2 ** 20;

/** A client; with `codec`, what it sends is encrypted and what it reads decrypted (setup needs none). */
export async function connectClient(address: string, config: EngineConfig, codec?: PayloadCodec): Promise<Client> {
  const connection = await Connection.connect({
    ...connectionOptions(address, config),
    channelArgs: { 'grpc.max_receive_message_length': MAX_RECEIVE_BYTES },
  });
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: codec ? { payloadCodecs: [codec] } : undefined });
}

export function connectWorker(address: string, config: EngineConfig): Promise<NativeConnection> {
  return NativeConnection.connect(connectionOptions(address, config));
}
