import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Ed25519 signatures of audit bundles. The bundle carries the public key, but a signature is only
 * trusted when that key is one the verifier already holds: anyone can sign with a key of their own.
 */
export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
}

/** A private key as PEM (PKCS#8) or as base64 of its DER: the environment holds one line more easily. */
export function signingKey(text: string): SigningKey {
  const trimmed = text.trim();
  const privateKey = trimmed.includes('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`an Ed25519 key is needed, not ${privateKey.asymmetricKeyType}`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

export function isSigningKey(text: string): boolean {
  try {
    signingKey(text);
    return true;
  } catch {
    return false;
  }
}

/** The public key as base64 of its SPKI DER, the form a bundle carries. */
export function publicKeyText(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).toString('base64');
}

export function publicKeyFromText(text: string): KeyObject {
  const trimmed = text.trim();
  return trimmed.includes('-----BEGIN')
    ? createPublicKey(trimmed)
    : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex')
    .slice(0, 16);
}

export function signText(key: SigningKey, text: string): string {
  return signBytes(key, Buffer.from(text, 'utf8'));
}

/** The same signature as signText over the text these bytes are the UTF-8 of. */
export function signBytes(key: SigningKey, bytes: Uint8Array): string {
  return sign(null, bytes, key.privateKey).toString('base64');
}

export function verifyText(publicKey: KeyObject, text: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
