import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { UNSEALED } from '../domain/unsealed';

/**
 * AES-256-GCM over whole Temporal payloads: the engine stores only ciphertext, so personal data in a
 * workflow's inputs, results and state never reaches its database or its Web UI in the clear.
 * The key id travels in the payload's metadata, so a rotated key still opens what it sealed.
 */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
const KEY_ID = 'encryption-key-id';
const CIPHER = 'encryption-cipher';
const ALGORITHM = 'AES-256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface PayloadKey {
  id: string;
  key: Buffer;
}

/** A key from its base64 text (32 bytes); its id is a digest of it, so no second setting can disagree. */
export function payloadKey(base64: string): PayloadKey {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error('a payload key is 32 random bytes in base64 (head -c 32 /dev/urandom | base64)');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

export function isPayloadKey(base64: string): boolean {
  return Buffer.from(base64.trim(), 'base64').length === 32;
}

export function newPayloadKey(): string {
  return randomBytes(32).toString('base64');
}

const text = (value: Uint8Array | null | undefined) => Buffer.from(value ?? new Uint8Array()).toString('utf8');
const bytes = (value: string) => new Uint8Array(Buffer.from(value, 'utf8'));

/** A payload as JSON bytes: its metadata and data, base64. */
function serialize(payload: Payload): Buffer {
  const metadata = Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
  return Buffer.from(JSON.stringify({ metadata, data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64') }));
}

function deserialize(json: Buffer): Payload {
  const parsed = JSON.parse(json.toString('utf8')) as { metadata: Record<string, string>; data: string };
  return {
    metadata: Object.fromEntries(Object.entries(parsed.metadata).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))])),
    data: new Uint8Array(Buffer.from(parsed.data, 'base64')),
  };
}

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly keys: Map<string, Buffer>;

  /** Encrypts with `current`; decrypts with it or any retired key still listed. */
  constructor(
    private readonly current: PayloadKey,
    retired: PayloadKey[] = [],
  ) {
    this.keys = new Map([current, ...retired].map((k) => [k.id, k.key]));
  }

  get keyId(): string {
    return this.current.id;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => (isEncrypted(payload) ? payload : this.seal(payload)));
  }

  /**
   * Payloads this codec did not seal (histories recorded before encryption) pass through unchanged:
   * readers only. The worker wraps it in `SealedOnlyCodec`, which refuses them.
   */
  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => (isEncrypted(payload) ? this.open(payload) : payload));
  }

  private seal(payload: Payload): Payload {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    // The key id is bound to the ciphertext: moving it to another key's metadata fails the tag.
    cipher.setAAD(Buffer.from(this.current.id));
    const sealed = Buffer.concat([iv, cipher.update(serialize(payload)), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: { encoding: bytes(ENCRYPTED_ENCODING), [KEY_ID]: bytes(this.current.id), [CIPHER]: bytes(ALGORITHM) },
      data: new Uint8Array(sealed),
    };
  }

  private open(payload: Payload): Payload {
    const keyId = text(payload.metadata?.[KEY_ID]);
    const key = this.keys.get(keyId);
    if (!key)
      throw new Error(
        `a payload is sealed with key ${keyId || '(none)'}, which this process does not hold (PAYLOAD_KEY, PAYLOAD_KEYS_RETIRED)`,
      );
    const sealed = Buffer.from(payload.data ?? new Uint8Array());
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return deserialize(Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]));
  }
}

export function isEncrypted(payload: Payload): boolean {
  return text(payload.metadata?.encoding) === ENCRYPTED_ENCODING;
}

/**
 * The worker's codec: what this deployment sealed opens as usual; anything else — plaintext, another
 * key, a forged or altered ciphertext — opens as the UNSEALED mark (domain/unsealed.ts), which the
 * workflows' interceptor refuses. Sealing is the proof that a payload came through the API.
 */
export class SealedOnlyCodec implements PayloadCodec {
  constructor(
    private readonly inner: AesGcmPayloadCodec,
    private readonly onRefused: (reason: string) => void,
  ) {}

  encode(payloads: Payload[]): Promise<Payload[]> {
    return this.inner.encode(payloads);
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(
      payloads.map(async (payload) => {
        if (!isEncrypted(payload)) return this.refuse('a payload is not sealed');
        try {
          return (await this.inner.decode([payload]))[0];
        } catch (error) {
          return this.refuse((error as Error).message);
        }
      }),
    );
  }

  private refuse(reason: string): Payload {
    this.onRefused(reason);
    return { metadata: { encoding: bytes('json/plain') }, data: bytes(JSON.stringify({ [UNSEALED]: true })) };
  }
}
