import type { Payload } from '@temporalio/common';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING, newPayloadKey, payloadKey } from './payload-codec';

const plain = (text: string): Payload => ({
  metadata: { encoding: new Uint8Array(Buffer.from('json/plain')) },
  data: new Uint8Array(Buffer.from(JSON.stringify({ head: text }))),
});
const metadata = (payload: Payload, key: string) => Buffer.from(payload.metadata![key]).toString();

describe('the AES-256-GCM payload codec', () => {
  const key = payloadKey(newPayloadKey());
  const codec = new AesGcmPayloadCodec(key);

  test('seals a payload with its key id in the metadata, and opens it to the same payload', async () => {
    const [sealed] = await codec.encode([plain('李明')]);
    expect(metadata(sealed, 'encoding')).toBe(ENCRYPTED_ENCODING);
    expect(metadata(sealed, 'encryption-key-id')).toBe(key.id);
    expect(Buffer.from(sealed.data!).toString()).not.toContain('head');
    const [opened] = await codec.decode([sealed]);
    expect(metadata(opened, 'encoding')).toBe('json/plain');
    expect(JSON.parse(Buffer.from(opened.data!).toString())).toEqual({ head: '李明' });
    // A fresh IV each time: the same value never gives the same ciphertext.
    const [again] = await codec.encode([plain('李明')]);
    expect(Buffer.from(again.data!).equals(Buffer.from(sealed.data!))).toBe(false);
  });

  test('passes through payloads it did not seal, such as histories recorded before encryption', async () => {
    const payload = plain('recorded earlier');
    expect(await codec.decode([payload])).toEqual([payload]);
  });

  test('opens what a retired key sealed, and refuses an unknown key or a changed byte', async () => {
    const old = payloadKey(newPayloadKey());
    const [sealedEarlier] = await new AesGcmPayloadCodec(old).encode([plain('王五')]);
    const rotated = new AesGcmPayloadCodec(key, [old]);
    expect(JSON.parse(Buffer.from((await rotated.decode([sealedEarlier]))[0].data!).toString())).toEqual({ head: '王五' });
    await expect(codec.decode([sealedEarlier])).rejects.toThrow(`sealed with key ${old.id}`);

    const [sealed] = await codec.encode([plain('李明')]);
    const data = Buffer.from(sealed.data!);
    data[20] ^= 1;
    await expect(codec.decode([{ ...sealed, data: new Uint8Array(data) }])).rejects.toThrow(/unable to authenticate|auth/i);
    // The key id is authenticated too: relabelling a payload with another key's id fails.
    const relabelled = { ...sealed, metadata: { ...sealed.metadata, 'encryption-key-id': new Uint8Array(Buffer.from(old.id)) } };
    await expect(rotated.decode([relabelled])).rejects.toThrow(/unable to authenticate|auth/i);
  });

  test('a key is 32 bytes of base64', () => {
    expect(() => payloadKey(Buffer.alloc(16).toString('base64'))).toThrow(/32 random bytes/);
  });
});
