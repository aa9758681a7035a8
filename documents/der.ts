/**
 * Just enough DER (X.690) to write the certificates and CMS structures of a PDF signature and to read
 * them back: a value is its tag, its length and its contents; every write here is the one DER allows,
 * so the same inputs always give the same bytes.
 */
export type Der = Buffer;

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const tlv = (tag: number, contents: Uint8Array): Der => Buffer.concat([Buffer.from([tag]), length(contents.length), contents]);
export const sequence = (...items: Der[]) => tlv(0x30, Buffer.concat(items));
/** SET OF: DER orders the elements by their encodings. */
export const set = (...items: Der[]) => tlv(0x31, Buffer.concat([...items].sort(Buffer.compare)));
export const explicit = (n: number, inner: Der) => tlv(0xa0 + n, inner);
/** [n] IMPLICIT of a constructed type: the same contents under a context tag. */
export const implicit = (n: number, constructed: Der) => tlv(0xa0 + n, read(constructed).contents);
export const octets = (bytes: Uint8Array) => tlv(0x04, bytes);
export const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));
export const bitString = (bytes: Uint8Array) => tlv(0x03, Buffer.concat([Buffer.from([0]), bytes]));
export const boolean = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0]));

/** A non-negative INTEGER from its big-endian bytes (a leading zero keeps it positive). */
export function integer(value: number | Uint8Array): Der {
  let bytes =
    typeof value === 'number'
      ? Buffer.from(
          value
            .toString(16)
            .padStart(2, '0')
            .replace(/^(.(..)*)$/, '0$1'),
          'hex',
        )
      : Buffer.from(value);
  while (bytes.length > 1 && bytes[0] === 0 && bytes[1] < 0x80) bytes = bytes.subarray(1);
  if (bytes[0] >= 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}

export function oid(dotted: string): Der {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * a + b];
  for (const arc of rest) {
    const groups = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) groups.unshift((n & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime up to 2049, GeneralizedTime after (RFC 5280 4.1.2.5), to the second, in UTC. */
export function time(date: Date): Der {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2), 'latin1')) : tlv(0x18, Buffer.from(iso, 'latin1'));
}

export interface Read {
  tag: number;
  /** The whole encoding (tag, length, contents). */
  bytes: Buffer;
  contents: Buffer;
}

/** The value at the start of `bytes`; throws on anything malformed or running past the end. */
export function read(bytes: Buffer): Read {
  if (bytes.length < 2) throw new Error('DER: truncated');
  const tag = bytes[0];
  let n = bytes[1];
  let at = 2;
  if (n & 0x80) {
    const count = n & 0x7f;
    if (count === 0 || count > 4 || bytes.length < 2 + count) throw new Error('DER: bad length');
    n = 0;
    for (let i = 0; i < count; i++) n = n * 256 + bytes[2 + i];
    at = 2 + count;
  }
  if (at + n > bytes.length) throw new Error('DER: value runs past the end');
  return { tag, bytes: bytes.subarray(0, at + n), contents: bytes.subarray(at, at + n) };
}

/** The values one after another inside a constructed value's contents. */
export function children(contents: Buffer): Read[] {
  const out: Read[] = [];
  for (let at = 0; at < contents.length;) {
    const value = read(contents.subarray(at));
    out.push(value);
    at += value.bytes.length;
  }
  return out;
}

export function oidText(value: Read): string {
  const bytes = value.contents;
  const arcs = [Math.floor(bytes[0] / 40), bytes[0] % 40];
  let n = 0;
  for (const byte of bytes.subarray(1)) {
    n = n * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(n);
      n = 0;
    }
  }
  return arcs.join('.');
}
