import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import { AuditService } from '../../src/modules/audit/application/audit.service';
import { eventually } from '../support/eventually';
import { TestFederation, TestNode } from '../support/test-federation';

/** A stand-in external OIDC provider: it publishes its JWKS over HTTP, as Keycloak would. */
async function startOidcProvider() {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'oidc-1', alg: 'ES256', use: 'sig' };
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sign = (claims: Record<string, unknown>, subject: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'oidc-1' })
      .setIssuer(`${url}/realms/ehds`)
      .setSubject(subject)
      .setAudience('ehds-spe')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  return {
    url,
    issuer: `${url}/realms/ehds`,
    sign,
    close: () => new Promise((r) => server.close(r)),
  };
}

describe('people: bearer tokens and roles, denied by default', () => {
  let federation: TestFederation;
  let de: TestNode;
  let oidc: Awaited<ReturnType<typeof startOidcProvider>>;

  beforeAll(async () => {
    oidc = await startOidcProvider();
    federation = await TestFederation.create(['DE']);
    de = await federation.start('de', {
      OIDC_ISSUER: oidc.issuer,
      OIDC_JWKS_URL: `${oidc.url}/protocol/openid-connect/certs`,
      OIDC_ROLES_CLAIM: 'realm_access.roles',
    });
  });

  afterAll(async () => {
    await federation?.stop();
    await oidc?.close();
  });

  const get = (path: string, token?: string, requestId?: string) =>
    fetch(`${de.httpUrl}${path}`, {
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(requestId ? { 'x-request-id': requestId } : {}),
      },
    });
  const refusal = async (res: Response) => ({
    status: res.status,
    ...((await res.json()) as { error: object }).error,
  });
  const audited = (requestId: string) =>
    eventually(async () =>
      (await de.app.get(AuditService).query({ channel: 'http' })).find(
        (e) => e.requestId === requestId,
      ),
    );

  it('knows a person of the development issuer by issuer and subject, with their roles', async () => {
    const res = await get(
      '/v1/me',
      await federation.token('alice', ['researcher']),
      'req-me-00001',
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: 'https://dev-issuer.ehds.example#alice',
      issuer: 'https://dev-issuer.ehds.example',
      subject: 'alice',
      roles: ['researcher'],
    });
    expect(await audited('req-me-00001')).toMatchObject({
      actor: { kind: 'user', id: 'https://dev-issuer.ehds.example#alice', role: 'researcher' },
      outcome: 'success',
    });
  });

  it('trusts an external OIDC issuer through its JWKS URL, reading roles where it puts them', async () => {
    const token = await oidc.sign(
      { realm_access: { roles: ['auditor', 'offline_access'] } },
      'kc-42',
    );
    const res = await get('/v1/me', token);
    expect(await res.json()).toMatchObject({
      issuer: oidc.issuer,
      subject: 'kc-42',
      roles: ['auditor'],
    });
  });

  it('refuses a request without a token, and audits the refusal', async () => {
    expect(await refusal(await get('/v1/me', undefined, 'req-anon-0001'))).toMatchObject({
      status: 401,
      code: 'REQUEST.UNAUTHENTICATED',
      message: 'A bearer token is required',
    });
    expect(await audited('req-anon-0001')).toMatchObject({
      actor: { kind: 'anonymous' },
      outcome: 'denied',
    });
  });

  it.each([
    [
      'expired',
      async () =>
        federation.token('alice', ['researcher'], {
          ttlSeconds: 60,
          now: new Date(Date.now() - 3_600_000),
        }),
      'it has expired',
    ],
    [
      'forged (its signature altered)',
      async () => forgeSignature(await federation.token('mallory', ['hdab-admin'])),
      'its signature does not verify',
    ],
    [
      'for another audience',
      async () => signDev(federation, { aud: 'another-service' }),
      'its aud claim is not acceptable',
    ],
    [
      'from an untrusted issuer',
      async () => signDev(federation, { iss: 'https://elsewhere.example' }),
      'its issuer "https://elsewhere.example" is not trusted by this node',
    ],
    ['not a JWT', async () => 'not-a-jwt', 'it is not a JWT'],
  ])('refuses a token that is %s', async (_case, token, reason) => {
    expect(await refusal(await get('/v1/me', await token()))).toMatchObject({
      status: 401,
      code: 'REQUEST.UNAUTHENTICATED',
      message: `The bearer token was refused: ${reason}`,
    });
  });

  it('refuses a person without a role the route requires, naming the person in the audit log', async () => {
    const res = await get(
      '/v1/federation/peers',
      await federation.token('bob', ['researcher']),
      'req-role-0001',
    );
    expect(await refusal(res)).toMatchObject({ status: 403, code: 'REQUEST.FORBIDDEN' });
    expect(await audited('req-role-0001')).toMatchObject({
      actor: { kind: 'user', id: 'https://dev-issuer.ehds.example#bob' },
      outcome: 'denied',
      errorCode: 'REQUEST.FORBIDDEN',
    });
    const admin = await get(
      '/v1/federation/peers',
      await federation.token('carol', ['hdab-admin'], { hdab: 'de' }),
    );
    expect(admin.status).toBe(200);
  });

  it("counts HDAB roles only at the person's own HDAB's node", async () => {
    const frAdmin = await federation.token('dominique', ['hdab-admin'], { hdab: 'fr' });
    expect(await refusal(await get('/v1/federation/peers', frAdmin))).toMatchObject({
      status: 403,
      message: expect.stringContaining('HDAB roles of fr count only there'),
    });
    expect(await (await get('/v1/me', frAdmin)).json()).toMatchObject({ roles: [], hdab: 'fr' });
  });

  it('keeps public what is public: health, catalogue, node keys', async () => {
    for (const path of ['/health', '/v1/catalogue', '/v1/node', '/.well-known/jwks.json']) {
      expect((await get(path)).status).toBe(200);
    }
  });
});

/** Flips a byte of the signature: same header and claims, a signature that cannot verify. */
function forgeSignature(token: string): string {
  const [header, payload, signature] = token.split('.');
  const bytes = Buffer.from(signature!, 'base64url');
  bytes[bytes.length - 1] ^= 0xff;
  return `${header}.${payload}.${bytes.toString('base64url')}`;
}

/** A development-issuer token with some claim overridden. */
async function signDev(federation: TestFederation, override: { aud?: string; iss?: string }) {
  const { issuer, signingJwk } = federation.material.devIssuer;
  return new SignJWT({ roles: ['researcher'] })
    .setProtectedHeader({ alg: 'EdDSA', kid: signingJwk.kid })
    .setIssuer(override.iss ?? issuer)
    .setSubject('alice')
    .setAudience(override.aud ?? 'ehds-spe')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(await importJWK(signingJwk, 'EdDSA'));
}
