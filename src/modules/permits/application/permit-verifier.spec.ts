import { exportJWK, flattenedVerify, FlattenedSign, generateKeyPair, importJWK } from 'jose';
import { DomainError } from '../../../shared/errors';
import { FederationDirectory } from '../../federation/application/federation-directory';
import {
  FederationMember,
  FederationRegistry,
  JwkSet,
  PublicJwk,
} from '../../federation/domain/federation-member';
import { canonicalJson } from '../domain/canonical-json';
import { GeneralJws } from '../domain/permit';
import { PermitPayload } from '../domain/permit-payload';
import { PermitVerifier } from './permit-verifier';
import { JwsSignature, PermitCrypto } from './permit-crypto.port';

const NODES = ['de', 'fr'] as const;

/** Real EdDSA signatures with one node's key, as the jose adapter makes them. */
class Ed25519Crypto extends PermitCrypto {
  constructor(
    private readonly privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'],
    private readonly kid: string,
  ) {
    super();
  }

  async sign(payloadB64: string): Promise<JwsSignature> {
    const jws = await new FlattenedSign(Buffer.from(payloadB64, 'base64url'))
      .setProtectedHeader({ alg: 'EdDSA', kid: this.kid })
      .sign(this.privateKey);
    return { protected: jws.protected!, signature: jws.signature };
  }

  async verify(payloadB64: string, signature: JwsSignature, key: PublicJwk): Promise<boolean> {
    const publicKey = await importJWK({ ...key }, 'EdDSA');
    return flattenedVerify({ payload: payloadB64, ...signature }, publicKey).then(
      () => true,
      () => false,
    );
  }
}

const payload: PermitPayload = {
  permitId: '5b0f3c1e-8d2a-4c1f-9e57-0a6b2d3c4e5f',
  lead: 'de',
  participants: [...NODES],
  purpose: 'scientific-research',
  title: 'A study',
  datasets: [{ node: 'fr', dataset: 'study', variables: ['value'] }],
  users: [{ issuer: 'https://issuer.example', subject: 'alice' }],
  analysisKinds: ['count'],
  pseudonymised: false,
  outputChecking: { profile: 'default' },
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil: '2027-01-01T00:00:00.000Z',
};

/** Each node's real Ed25519 key, its crypto adapter, and a registry publishing the public halves. */
async function federation() {
  const signers = new Map<string, Ed25519Crypto>();
  const members: FederationMember[] = [];
  for (const id of NODES) {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const publicJwk = {
      ...(await exportJWK(publicKey)),
      kid: `${id}-key`,
      alg: 'EdDSA',
      use: 'sig',
    };
    signers.set(id, new Ed25519Crypto(privateKey, publicJwk.kid));
    members.push({
      id,
      country: id.toUpperCase(),
      grpcAddress: `${id}:50051`,
      httpUrl: `http://${id}:3000`,
      caPem: 'ca',
      jwks: { keys: [publicJwk as PublicJwk] },
    });
  }
  const directory = new (class extends FederationDirectory {
    readonly registry: FederationRegistry = { trustDomain: 'ehds.example', members };
    readonly self = members[0]!;
    readonly signingKeys: JwkSet = members[0]!.jwks;
  })();
  return { signers, directory };
}

async function signed(signers: Map<string, Ed25519Crypto>, body = payload): Promise<GeneralJws> {
  const b64 = Buffer.from(canonicalJson(body), 'utf8').toString('base64url');
  const signatures: JwsSignature[] = [];
  for (const id of NODES) signatures.push(await signers.get(id)!.sign(b64));
  return { payload: b64, signatures };
}

const codeOf = (error: unknown) => (error as DomainError).code;

describe('PermitVerifier', () => {
  const now = new Date('2026-06-01T00:00:00.000Z');

  it('checks the signatures of a permit once, and its validity and node on every call', async () => {
    const { signers, directory } = await federation();
    const crypto = signers.get('de')!;
    const verify = jest.spyOn(crypto, 'verify');
    const verifier = new PermitVerifier(crypto, directory);
    const jws = await signed(signers);

    expect(await verifier.verify(jws, { now, forNode: 'fr' })).toEqual(payload);
    expect(await verifier.verify(jws, { now, forNode: 'de' })).toEqual(payload);
    expect(verify).toHaveBeenCalledTimes(NODES.length);

    await expect(
      verifier.verify(jws, { now: new Date('2027-01-01T00:00:00.000Z') }),
    ).rejects.toMatchObject({ code: 'PERMIT.EXPIRED' });
    await expect(verifier.verify(jws, { now, forNode: 'nl' })).rejects.toBeInstanceOf(DomainError);
    expect(verify).toHaveBeenCalledTimes(NODES.length);
  });

  it('remembers nothing of a permit that failed, and checks any other bytes anew', async () => {
    const { signers, directory } = await federation();
    const verifier = new PermitVerifier(signers.get('de')!, directory);
    const jws = await signed(signers);
    await verifier.verify(jws, { now });

    const tampered = Buffer.from(canonicalJson({ ...payload, title: 'Another study' }), 'utf8');
    const forged = { ...jws, payload: tampered.toString('base64url') };
    const error = await verifier.verify(forged, { now }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('PERMIT.SIGNATURE_INVALID');
    expect(codeOf(await verifier.verify(forged, { now }).catch((e: unknown) => e))).toBe(
      'PERMIT.SIGNATURE_INVALID',
    );

    const [de, fr] = jws.signatures;
    const swapped = { ...jws, signatures: [de!, { ...fr!, signature: de!.signature }] };
    expect(codeOf(await verifier.verify(swapped, { now }).catch((e: unknown) => e))).toBe(
      'PERMIT.SIGNATURE_INVALID',
    );
    const missing = { ...jws, signatures: [de!] };
    expect(codeOf(await verifier.verify(missing, { now }).catch((e: unknown) => e))).toBe(
      'PERMIT.SIGNATURE_MISSING',
    );
  });
});
