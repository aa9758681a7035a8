/**
 * CMS SignedData (RFC 5652) as PAdES wants it for a PDF signature (ETSI EN 319 142-1, SubFilter
 * ETSI.CAdES.detached): detached (no content inside), one signer, SHA-256, signed attributes
 * content-type, message-digest (of the PDF's byte range) and signing-certificate-v2 (RFC 5035, the
 * signer's certificate by its hash); no signing-time attribute (PAdES puts the time in the /M entry).
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import { children, explicit, implicit, integer, octets, oid, oidText, read, sequence, set, type Der, type Read } from './der';
import { ecdsaSign, OID as CERT_OID, type EcSigner } from './certificates';

const OID = {
  ...CERT_OID,
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();
const attribute = (type: string, value: Der) => sequence(oid(type), set(value));

/** The certificate's issuer name and serial number, as they are encoded in it (IssuerAndSerialNumber). */
function issuerAndSerial(certificate: Buffer): Der {
  const tbs = children(read(children(read(certificate).contents)[0].bytes).contents);
  const [serial, , issuer] = tbs[0].tag === 0xa0 ? tbs.slice(1) : tbs;
  return sequence(issuer.bytes, serial.bytes);
}

export function signedData(request: { digest: Buffer; certificate: Buffer; chain: Buffer[]; signer: EcSigner }): Buffer {
  const signedAttributes = set(
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(request.digest)),
    // SigningCertificateV2 { certs: [ESSCertIDv2 { certHash }] } (SHA-256 is the default hash algorithm).
    attribute(OID.signingCertificateV2, sequence(sequence(sequence(octets(sha256(request.certificate)))))),
  );
  const sha256Algorithm = sequence(oid(OID.sha256));
  const signerInfo = sequence(
    integer(1),
    issuerAndSerial(request.certificate),
    sha256Algorithm,
    implicit(0, signedAttributes),
    sequence(oid(OID.ecdsaWithSha256)),
    // Signed is the attributes' DER with their SET tag (RFC 5652 5.4), not the [0] they are sent under.
    octets(ecdsaSign(request.signer, signedAttributes)),
  );
  const body = sequence(
    integer(1),
    set(sha256Algorithm),
    sequence(oid(OID.data)),
    implicit(0, set(request.certificate, ...request.chain)),
    set(signerInfo),
  );
  return sequence(oid(OID.signedData), explicit(0, body));
}

export interface CmsCheck {
  certificate?: X509Certificate;
  /** The digest the signer signed for; the caller compares it with the byte range's. */
  messageDigest?: Buffer;
  /** The signature over the signed attributes verifies with the certificate's key, and that certificate is the one signing-certificate-v2 names. */
  signatureOk: boolean;
  problem?: string;
}

/** Reads a SignedData as signSignedData writes it (and as other PAdES signers do, one signer) and checks its signature. */
export function checkSignedData(der: Buffer): CmsCheck {
  try {
    const [type, wrapped] = children(read(der).contents);
    if (oidText(type) !== OID.signedData) return { signatureOk: false, problem: 'not a CMS SignedData' };
    const parts = children(read(wrapped.contents).contents);
    const certificates = parts.filter((p) => p.tag === 0xa0).flatMap((p) => children(p.contents));
    const signerInfos = children(parts[parts.length - 1].contents);
    if (signerInfos.length !== 1) return { signatureOk: false, problem: 'a PAdES signature has exactly one signer' };
    const info = children(signerInfos[0].contents);
    const [issuer, serial] = children(info[1].contents);
    const signedAttributes = info.find((p) => p.tag === 0xa0);
    const signature = info[info.length - 1];
    const certificate = certificates.find((c) => issuerAndSerial(c.bytes).equals(sequence(issuer.bytes, serial.bytes)));
    if (!certificate || !signedAttributes)
      return { signatureOk: false, problem: "the signer's certificate or signed attributes are missing" };
    const attributes = new Map(
      children(signedAttributes.contents).map((a) => {
        const [t, values] = children(a.contents);
        return [oidText(t), children(values.contents)[0]] as [string, Read];
      }),
    );
    const x509 = new X509Certificate(certificate.bytes);
    const messageDigest = attributes.get(OID.messageDigest)?.contents;
    const essCertId = attributes.get(OID.signingCertificateV2);
    const certHash =
      essCertId && children(children(children(essCertId.contents)[0].contents)[0].contents).find((p) => p.tag === 0x04)?.contents;
    const asSet = Buffer.concat([Buffer.from([0x31]), signedAttributes.bytes.subarray(1)]);
    const signatureOk =
      !!certHash &&
      certHash.equals(sha256(certificate.bytes)) &&
      verify('sha256', asSet, { key: x509.publicKey, dsaEncoding: 'der' }, signature.contents);
    return { certificate: x509, messageDigest, signatureOk, problem: signatureOk ? undefined : 'the CMS signature does not verify' };
  } catch (error) {
    return { signatureOk: false, problem: `the CMS signature cannot be read (${(error as Error).message})` };
  }
}
