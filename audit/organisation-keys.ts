import { createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from 'node:crypto';
import { keyIdOf, type SigningKey } from './signing';

/**
 * One signing key per organisation, for the documents it issues or signs (documents/pdf-signature.ts).
 * Each is derived from the deployment's audit signing key (HKDF-SHA256 over its Ed25519 seed, the
 * organisation's id as the info), so a deployment keeps one secret and every organisation's key is
 * the same in every process, yet a signature names the organisation: a key verifies for one only.
 * The public keys are published (GET /api/audit/organisation-keys) for verifiers outside.
 */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function organisationKey(deployment: SigningKey, orgId: string): SigningKey {
  const der = deployment.privateKey.export({ format: 'der', type: 'pkcs8' });
  const seed = der.subarray(der.length - 32);
  const derived = Buffer.from(
    hkdfSync('sha256', seed, Buffer.from('collab-zones organisation key'), Buffer.from(`document-signing:${orgId}`), 32),
  );
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, derived]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** The public keys a verifier trusts, by organisation: derived here, or read from a published list. */
export type OrganisationKeys = (orgId: string) => KeyObject | undefined;

export function derivedOrganisationKeys(deployment: SigningKey): OrganisationKeys {
  const cache = new Map<string, KeyObject>();
  return (orgId) => {
    if (!cache.has(orgId)) cache.set(orgId, organisationKey(deployment, orgId).publicKey);
    return cache.get(orgId);
  };
}
