/** Nodes are named in certificates by a SPIFFE id: spiffe://<trust domain>/hdab/<node id>. */
export function spiffeIdOf(trustDomain: string, nodeId: string): string {
  return `spiffe://${trustDomain}/hdab/${nodeId}`;
}

/** The node id a SPIFFE URI names within `trustDomain`, if it names one. */
export function nodeIdOfSpiffeId(trustDomain: string, uri: string): string | undefined {
  const prefix = `spiffe://${trustDomain}/hdab/`;
  if (!uri.startsWith(prefix)) return undefined;
  const id = uri.slice(prefix.length);
  return /^[a-z][a-z0-9-]{1,31}$/.test(id) ? id : undefined;
}

/** The URIs of a subjectAltName string as Node's X509Certificate prints it. */
export function urisOfSubjectAltName(subjectAltName: string | undefined): string[] {
  if (!subjectAltName) return [];
  return subjectAltName
    .split(/,\s*/)
    .filter((name) => name.startsWith('URI:'))
    .map((name) => name.slice('URI:'.length));
}
