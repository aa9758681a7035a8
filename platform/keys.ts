import { signingKey, type SigningKey } from '../audit/signing';
import type { Config } from './config';
import { AesGcmPayloadCodec, payloadKey } from './payload-codec';
import { embeddedSecrets } from './secrets';

type KeyConfig = Pick<Config, 'PAYLOAD_KEY' | 'PAYLOAD_KEYS_RETIRED' | 'AUDIT_SIGNING_KEY'>;

/**
 * The keys of this process: from the environment, or (the embedded default, given its data folder)
 * the ones it generated and keeps there. A cluster process without them was refused by its config.
 */
export function payloadCodecOf(config: KeyConfig, dataDir?: string): AesGcmPayloadCodec {
  const current = config.PAYLOAD_KEY ?? (dataDir ? embeddedSecrets(dataDir).payloadKey : undefined);
  if (!current) throw new Error('PAYLOAD_KEY is not set');
  const retired = (config.PAYLOAD_KEYS_RETIRED ?? '').split(',').filter(Boolean).map(payloadKey);
  return new AesGcmPayloadCodec(payloadKey(current), retired);
}

export function auditSigningKeyOf(config: KeyConfig, dataDir?: string): SigningKey {
  const key = config.AUDIT_SIGNING_KEY ?? (dataDir ? embeddedSecrets(dataDir).auditSigningKey : undefined);
  if (!key) throw new Error('AUDIT_SIGNING_KEY is not set');
  return signingKey(key);
}
