import { X509Certificate } from 'node:crypto';
import { PresentedCertificate } from '../domain/peer-identity.rules';
import { urisOfSubjectAltName } from '../domain/spiffe-id';

/** The facts identifyPeer needs, read from a DER or PEM certificate. */
export function presentedCertificateOf(certificate: Buffer | string): PresentedCertificate {
  const x509 = new X509Certificate(certificate);
  return {
    uris: urisOfSubjectAltName(x509.subjectAltName),
    isIssuedBy: (caPem) => isIssuedBy(x509, caPem),
  };
}

export function isIssuedBy(certificate: X509Certificate, caPem: string): boolean {
  try {
    const ca = new X509Certificate(caPem);
    return certificate.checkIssued(ca) && certificate.verify(ca.publicKey);
  } catch {
    return false;
  }
}
