import { createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { p256 } from '@noble/curves/p256';
import { issueCertificate, type EcSigner } from '../documents/certificates';
import { keyIdOf, type SigningKey } from './signing';

/**
 * One document-signing key per organisation, ECDSA P-256 (what PDF readers accept in a PAdES
 * signature), with a certificate from the product's document CA naming the organisation.
 *
 * Where a key comes from:
 * - provided: a file `<orgId>.pem` (PKCS#8 or SEC1, P-256) in ORGANISATION_KEYS_DIR — production,
 *   where each organisation's key is its own secret (a volume of one file per organisation, each
 *   from its own custody); `ca.pem` there is the CA's key;
 * - derived (the development default, and any organisation without a file): HKDF-SHA256 over the
 *   deployment's audit signing key, the organisation's id as the info. One secret to keep, the same
 *   key in every process, and a key still verifies for one organisation only.
 * GET /api/audit/organisation-keys lists each key with its source, its certificate and the CA's.
 */
export type KeySource = 'provided' | 'derived';

export interface OrganisationKey extends EcSigner {
  orgId: string;
  keyId: string;
  source: KeySource;
}

export interface OrganisationKeyring {
  key(orgId: string): OrganisationKey;
  /** The organisation's certificate (DER), issued by the CA to this key under this name. */
  certificate(orgId: string, orgName: string): Buffer;
  /** The CA's self-issued certificate (DER). */
  caCertificate(): Buffer;
  ca(): OrganisationKey;
}

const CA_ID = 'collab-zones-document-ca';
const CA_NAME = '协同区公文签名证书机构';
const ORG_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

function fromScalar(orgId: string, scalar: Uint8Array, source: KeySource): OrganisationKey {
  const point = p256.getPublicKey(scalar, false);
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
  const jwk = { kty: 'EC', crv: 'P-256', d: b64(scalar), x: b64(point.subarray(1, 33)), y: b64(point.subarray(33)) };
  const publicKey = createPublicKey(createPrivateKey({ key: jwk, format: 'jwk' }));
  return { orgId, scalar, publicKey, keyId: keyIdOf(publicKey), source };
}

function derived(deployment: SigningKey, orgId: string): OrganisationKey {
  const der = deployment.privateKey.export({ format: 'der', type: 'pkcs8' });
  const seed = der.subarray(der.length - 32);
  const okm = Buffer.from(
    hkdfSync('sha256', seed, Buffer.from('collab-zones organisation key'), Buffer.from(`document-signing-p256:${orgId}`), 48),
  );
  // 48 bytes reduced modulo n-1, plus one: uniform enough and never zero (FIPS 186-4 B.4.1).
  const n = p256.CURVE.n;
  const d = (BigInt(`0x${okm.toString('hex')}`) % (n - 1n)) + 1n;
  return fromScalar(orgId, Buffer.from(d.toString(16).padStart(64, '0'), 'hex'), 'derived');
}

/** A P-256 private key from PEM (PKCS#8 or SEC1); anything else is refused by name. */
export function providedKey(orgId: string, pem: string): OrganisationKey {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw new Error(`the document-signing key of ${orgId} must be ECDSA P-256`);
  const d = (key.export({ format: 'jwk' }) as { d: string }).d;
  return fromScalar(orgId, Buffer.from(d, 'base64url'), 'provided');
}

export function organisationKeyring(deployment: SigningKey, dir?: string): OrganisationKeyring {
  const keys = new Map<string, OrganisationKey>();
  const certificates = new Map<string, Buffer>();
  const keyOf = (orgId: string): OrganisationKey => {
    let key = keys.get(orgId);
    if (!key) {
      const file = dir && ORG_ID.test(orgId) ? join(dir, `${orgId === CA_ID ? 'ca' : orgId}.pem`) : undefined;
      key = file && existsSync(file) ? providedKey(orgId, readFileSync(file, 'utf8')) : derived(deployment, orgId);
      keys.set(orgId, key);
    }
    return key;
  };
  const ca = () => keyOf(CA_ID);
  const caCertificate = () => {
    if (!certificates.has(CA_ID)) {
      const issuer = { name: CA_NAME, id: CA_ID, signer: ca() };
      certificates.set(CA_ID, issueCertificate({ subject: issuer, publicKey: ca().publicKey, issuer, ca: true }));
    }
    return certificates.get(CA_ID)!;
  };
  return {
    key: keyOf,
    ca,
    caCertificate,
    certificate(orgId, orgName) {
      const cacheKey = `${orgId}\n${orgName}`;
      if (!certificates.has(cacheKey)) {
        const subject = { name: orgName, id: orgId };
        const issuer = { name: CA_NAME, id: CA_ID, signer: ca() };
        certificates.set(cacheKey, issueCertificate({ subject, publicKey: keyOf(orgId).publicKey, issuer, ca: false }));
      }
      return certificates.get(cacheKey)!;
    },
  };
}

const defaults = new WeakMap<SigningKey, OrganisationKeyring>();
/** The keyring an API process was given, else the development default derived from its audit key. */
export function keyringOf(audit: { signingKey: SigningKey; organisationKeys?: OrganisationKeyring }): OrganisationKeyring {
  if (audit.organisationKeys) return audit.organisationKeys;
  if (!defaults.has(audit.signingKey)) defaults.set(audit.signingKey, organisationKeyring(audit.signingKey));
  return defaults.get(audit.signingKey)!;
}

/** The public keys a verifier trusts, by organisation: this deployment's, or read from a published list. */
export type OrganisationKeys = (orgId: string) => KeyObject | undefined;

export function keyringKeys(keyring: OrganisationKeyring): OrganisationKeys {
  return (orgId) => keyring.key(orgId).publicKey;
}
