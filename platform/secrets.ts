import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newPayloadKey } from './payload-codec';

/** What the embedded default keeps in `secrets.json`; a cluster gives each from the environment instead. */
export interface EmbeddedSecrets {
  tokenSecret: string;
  /** AES-256 key of the payload codec, base64 (PAYLOAD_KEY). */
  payloadKey: string;
  /** Ed25519 private key that signs audit exports, PKCS#8 DER in base64 (AUDIT_SIGNING_KEY). */
  auditSigningKey: string;
}

const makers: { [K in keyof EmbeddedSecrets]: () => string } = {
  tokenSecret: () => randomBytes(32).toString('base64url'),
  payloadKey: newPayloadKey,
  auditSigningKey: () => generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
};

/**
 * The embedded default makes its secrets once and keeps them under the data folder; a secret added
 * by a later release is made on the first start that needs it, the others are kept.
 */
export function embeddedSecrets(dataDir: string): EmbeddedSecrets {
  const file = join(dataDir, 'secrets.json');
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<EmbeddedSecrets>) : {};
  const missing = (Object.keys(makers) as (keyof EmbeddedSecrets)[]).filter((name) => !kept[name]);
  if (!missing.length) return kept as EmbeddedSecrets;
  const secrets = { ...kept, ...Object.fromEntries(missing.map((name) => [name, makers[name]()])) } as EmbeddedSecrets;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function embeddedTokenSecret(dataDir: string): string {
  return embeddedSecrets(dataDir).tokenSecret;
}
