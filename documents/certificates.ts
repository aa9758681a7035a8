/**
 * X.509 certificates for the organisations' document-signing keys (RFC 5280), written by hand in DER:
 * a product CA certifies each organisation's ECDSA P-256 key, so a PDF reader sees a named signer and a
 * chain, and the bytes are the same every time (fixed validity, serial from the key, deterministic ECDSA).
 */
import { createHash, type KeyObject } from 'node:crypto';
import { p256 } from '@noble/curves/p256';
import { bitString, boolean, explicit, integer, octets, oid, sequence, set, time, tlv, utf8, type Der } from './der';

export const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256: '2.16.840.1.101.3.4.2.1',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  userId: '0.9.2342.19200300.100.1.1',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
} as const;

/** A P-256 private key as its scalar, the form deterministic ECDSA (RFC 6979) signs with. */
export interface EcSigner {
  scalar: Uint8Array;
  publicKey: KeyObject;
}

/** ECDSA P-256 with SHA-256 over `data`, k from RFC 6979 (the same signature for the same bytes), DER-encoded. */
export function ecdsaSign(signer: EcSigner, data: Uint8Array): Buffer {
  const digest = createHash('sha256').update(data).digest();
  return Buffer.from(p256.sign(digest, signer.scalar).toDERRawBytes());
}

/** A name: the product as O, the organisation's name as CN, its id as UID (how a verifier tells the signer). */
export function name(commonName: string, id: string): Der {
  const rdn = (type: string, value: string) => set(sequence(oid(type), utf8(value)));
  return sequence(rdn(OID.organization, 'collab-zones'), rdn(OID.commonName, commonName), rdn(OID.userId, id));
}

const ecdsaWithSha256 = sequence(oid(OID.ecdsaWithSha256));

export function issueCertificate(request: {
  subject: { name: string; id: string };
  publicKey: KeyObject;
  issuer: { name: string; id: string; signer: EcSigner };
  ca: boolean;
}): Buffer {
  const spki = request.publicKey.export({ format: 'der', type: 'spki' });
  const serial = createHash('sha256').update(request.subject.id).update(spki).digest().subarray(0, 16);
  serial[0] &= 0x7f;
  const extension = (type: string, value: Der) => sequence(oid(type), boolean(true), octets(value));
  const tbs = sequence(
    explicit(0, integer(2)),
    integer(serial),
    ecdsaWithSha256,
    name(request.issuer.name, request.issuer.id),
    sequence(time(new Date('2020-01-01T00:00:00Z')), time(new Date('2049-12-31T23:59:59Z'))),
    name(request.subject.name, request.subject.id),
    spki,
    explicit(
      3,
      sequence(
        extension(OID.basicConstraints, request.ca ? sequence(boolean(true)) : sequence()),
        // CA: keyCertSign and cRLSign; an organisation: digitalSignature and nonRepudiation.
        extension(OID.keyUsage, request.ca ? tlv(0x03, Buffer.from([1, 0x06])) : tlv(0x03, Buffer.from([6, 0xc0]))),
      ),
    ),
  );
  return sequence(tbs, ecdsaWithSha256, bitString(ecdsaSign(request.issuer.signer, tbs)));
}
