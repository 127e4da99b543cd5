import {
  createPublicKey,
  generateKeyPairSync,
  sign as edSign,
  verify as edVerify,
} from 'node:crypto';
import { AuditService } from '../../src/modules/audit/application/audit.service';
import { PermitVerifier } from '../../src/modules/permits/application/permit-verifier';
import { GeneralJws } from '../../src/modules/permits/domain/permit';
import { PermitPayload } from '../../src/modules/permits/domain/permit-payload';
import { assertUserNamed } from '../../src/modules/permits/domain/permit.rules';
import { canonicalJson } from '../../src/modules/permits/domain/canonical-json';
import { eventually } from '../support/eventually';
import { loadNationalData } from '../support/national-data';
import { TestFederation, TestNode } from '../support/test-federation';

const DEV_ISSUER = 'https://dev-issuer.ehds.example';
const VARIABLES = ['age', 'sex', 'bmi', 'diabetes'];
const GRANTED = ['APPROVED', 'PREPARING', 'ACTIVE'];

interface View {
  id: string;
  status: string;
  decisions: { node: string; outcome: string; reason?: string }[];
  permit?: GeneralJws;
  decisionDueAt: string;
  askedOfThisNode: { node: string }[];
}

describe('one application, each country decides, one multi-signed permit', () => {
  let federation: TestFederation;
  const nodes: Record<string, TestNode> = {};

  beforeAll(async () => {
    federation = await TestFederation.create(['DE', 'FR', 'NL']);
    await Promise.all(
      ['de', 'fr', 'nl'].map(async (id) => {
        nodes[id] = await federation.start(id);
        await loadNationalData(nodes[id]!, id.toUpperCase(), 120);
      }),
    );
  });

  afterAll(() => federation?.stop());

  const researcher = () => federation.token('alice', ['researcher']);
  const reviewer = (hdab: string, subject = `reviewer-${hdab}`) =>
    federation.token(subject, ['hdab-reviewer'], { hdab });

  async function call(node: string, method: string, path: string, token: string, body?: unknown) {
    const res = await fetch(`${nodes[node]!.httpUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as View & {
        error?: { code: string; message: string; details?: unknown };
      },
    };
  }

  const application = (overrides: Record<string, unknown> = {}) => ({
    applicant: { name: 'Alice Martin', organisation: 'Charité Research' },
    purpose: 'scientific-research',
    title: 'Diabetes and cardiovascular risk across three countries',
    description: 'Estimating how BMI and age relate to type 2 diabetes in DE, FR and NL.',
    datasets: ['de', 'fr', 'nl'].map((node) => ({
      node,
      dataset: 'cardiometabolic',
      variables: VARIABLES,
    })),
    users: [{ issuer: DEV_ISSUER, subject: 'alice' }],
    durationMonths: 12,
    pseudonymised: false,
    analysisKinds: ['count', 'logistic-regression'],
    ...overrides,
  });

  const lodge = async (overrides: Record<string, unknown> = {}) => {
    const res = await call(
      'de',
      'POST',
      '/v1/applications',
      await researcher(),
      application(overrides),
    );
    expect(res.status).toBe(201);
    return res.body;
  };

  describe('a granted application', () => {
    let id: string;
    let permit: GeneralJws;

    it('is lodged once at DE and reaches each participant, pending, with its decision deadline', async () => {
      ({ id } = await lodge());
      for (const node of ['fr', 'nl']) {
        const pending = await call(
          node,
          'GET',
          '/v1/applications?pending=true',
          await reviewer(node),
        );
        const mine = pending.body as unknown as View[];
        expect(mine.map((a) => a.id)).toContain(id);
        const view = mine.find((a) => a.id === id)!;
        expect(view.askedOfThisNode).toEqual([
          { node, dataset: 'cardiometabolic', variables: VARIABLES },
        ]);
        expect(new Date(view.decisionDueAt).getUTCMonth()).toBe(
          (new Date().getUTCMonth() + 3) % 12,
        );
      }
    });

    it("refuses a researcher's approval and a reviewer of another country deciding at DE", async () => {
      const byResearcher = await call(
        'de',
        'POST',
        `/v1/applications/${id}/decision`,
        await researcher(),
        {
          outcome: 'APPROVED',
          reason: 'fine by me',
        },
      );
      expect(byResearcher.status).toBe(403);
      const byFrench = await call(
        'de',
        'POST',
        `/v1/applications/${id}/decision`,
        await reviewer('fr'),
        {
          outcome: 'APPROVED',
          reason: 'fine by me',
        },
      );
      expect(byFrench.status).toBe(403);
      expect(byFrench.body.error?.message).toContain('HDAB roles of fr count only there');
    });

    it('lets only one of two concurrent decisions at the same node win', async () => {
      const [a, b] = await Promise.all([
        call('de', 'POST', `/v1/applications/${id}/decision`, await reviewer('de', 'r1'), {
          outcome: 'APPROVED',
          reason: 'approved by r1',
        }),
        call('de', 'POST', `/v1/applications/${id}/decision`, await reviewer('de', 'r2'), {
          outcome: 'APPROVED',
          reason: 'approved by r2',
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.error?.code).toBe('DECISION.ALREADY_TAKEN');
    });

    it('becomes a permit once FR and NL approve, signed by all three HDABs, at every node', async () => {
      for (const node of ['fr', 'nl']) {
        const res = await call(
          node,
          'POST',
          `/v1/applications/${id}/decision`,
          await reviewer(node),
          {
            outcome: 'APPROVED',
            reason: 'within our data policy',
          },
        );
        expect(res.status).toBe(200);
      }
      const atLead = await call('de', 'GET', `/v1/applications/${id}`, await researcher());
      // Granted, and from there on its way to use: workspaces are prepared at once.
      expect(GRANTED).toContain(atLead.body.status);
      permit = atLead.body.permit!;
      expect(permit.signatures).toHaveLength(3);
      for (const node of ['fr', 'nl']) {
        const there = await call(node, 'GET', `/v1/applications/${id}`, await reviewer(node));
        expect(there.body).toMatchObject({ permit });
        expect(GRANTED).toContain(there.body.status);
      }
      const audit = await nodes.fr!.app.get(AuditService).query({ action: 'permit.grant' });
      expect(audit.map((e) => e.permitId)).toContain(id);
    });

    it('carries signatures that an independent JWS implementation verifies against the published keys', async () => {
      const payload = JSON.parse(
        Buffer.from(permit.payload, 'base64url').toString('utf8'),
      ) as PermitPayload;
      expect(payload).toMatchObject({ permitId: id, lead: 'de', participants: ['de', 'fr', 'nl'] });
      for (const node of ['de', 'fr', 'nl']) {
        const jwks = (await (
          await fetch(`${nodes[node]!.httpUrl}/.well-known/jwks.json`)
        ).json()) as {
          keys: { kid: string; x: string; kty: string; crv: string }[];
        };
        const [key] = jwks.keys;
        const signature = permit.signatures.find(
          (s) =>
            (JSON.parse(Buffer.from(s.protected, 'base64url').toString()) as { kid: string })
              .kid === key!.kid,
        )!;
        // RFC 7515: the signing input is ASCII(BASE64URL(header) || '.' || BASE64URL(payload)); EdDSA per RFC 8037.
        const ok = edVerify(
          null,
          Buffer.from(`${signature.protected}.${permit.payload}`),
          createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key!.x }, format: 'jwk' }),
          Buffer.from(signature.signature, 'base64url'),
        );
        expect(ok).toBe(true);
      }
    });

    describe('is refused by the one verification function when', () => {
      const verifier = () => nodes.fr!.app.get(PermitVerifier);
      const reencode = (payload: object) =>
        Buffer.from(canonicalJson(payload)).toString('base64url');
      const payloadOf = (jws: GeneralJws) =>
        JSON.parse(Buffer.from(jws.payload, 'base64url').toString()) as PermitPayload;

      it('it is genuine (the control case)', async () => {
        await expect(
          verifier().verify(permit, { now: new Date(), forNode: 'fr' }),
        ).resolves.toMatchObject({ permitId: id });
      });

      it('its payload was tampered with', async () => {
        const tampered = {
          ...permit,
          payload: reencode({
            ...payloadOf(permit),
            validUntil: '2099-01-01T00:00:00.000Z',
          }),
        };
        await expect(verifier().verify(tampered, { now: new Date() })).rejects.toMatchObject({
          code: 'PERMIT.SIGNATURE_INVALID',
        });
      });

      it("a participant's signature is missing", async () => {
        const nlJwks = (await (
          await fetch(`${nodes.nl!.httpUrl}/.well-known/jwks.json`)
        ).json()) as {
          keys: { kid: string }[];
        };
        const nlKid = nlJwks.keys[0]!.kid;
        const withoutNl = {
          ...permit,
          signatures: permit.signatures.filter(
            (s) => !Buffer.from(s.protected, 'base64url').toString().includes(nlKid),
          ),
        };
        await expect(verifier().verify(withoutNl, { now: new Date() })).rejects.toMatchObject({
          code: 'PERMIT.SIGNATURE_MISSING',
          details: { node: 'nl' },
        });
      });

      it('a signature is made by a key the registry does not publish', async () => {
        const { privateKey } = generateKeyPairSync('ed25519');
        const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: 'rogue-key' })).toString(
          'base64url',
        );
        const rogue = {
          protected: header,
          signature: edSign(null, Buffer.from(`${header}.${permit.payload}`), privateKey).toString(
            'base64url',
          ),
        };
        await expect(
          verifier().verify(
            { ...permit, signatures: [...permit.signatures, rogue] },
            { now: new Date() },
          ),
        ).rejects.toMatchObject({ code: 'PERMIT.SIGNATURE_INVALID' });
      });

      it('it has expired, or does not name the node', async () => {
        const after = new Date(new Date(payloadOf(permit).validUntil).getTime() + 1000);
        await expect(verifier().verify(permit, { now: after })).rejects.toMatchObject({
          code: 'PERMIT.EXPIRED',
        });
        await expect(
          verifier().verify(permit, { now: new Date(), forNode: 'se' }),
        ).rejects.toMatchObject({
          code: 'PERMIT.NOT_FOR_THIS_NODE',
        });
      });

      it('a user it does not name comes with it', () => {
        expect(() =>
          assertUserNamed(payloadOf(permit), { issuer: DEV_ISSUER, subject: 'bob' }),
        ).toThrow(expect.objectContaining({ code: 'PERMIT.USER_NOT_NAMED' }));
      });
    });
  });

  describe('completeness', () => {
    const DAY = 86_400_000;

    it('lets the lead ask for completion within four weeks; completing restarts every decision', async () => {
      const { id } = await lodge({ title: 'An application DE finds incomplete' });
      await call('fr', 'POST', `/v1/applications/${id}/decision`, await reviewer('fr'), {
        outcome: 'APPROVED',
        reason: 'fine as it stands',
      });
      const notLead = await call(
        'fr',
        'POST',
        `/v1/applications/${id}/incomplete`,
        await reviewer('fr'),
        {
          missing: ['a data management plan'],
        },
      );
      expect(notLead.body.error?.message).toContain('handled at its lead node de');

      const asked = await call(
        'de',
        'POST',
        `/v1/applications/${id}/incomplete`,
        await reviewer('de'),
        {
          missing: ['a data management plan'],
        },
      );
      expect(asked.status).toBe(200);
      const completion = (
        asked.body as unknown as {
          completion: { requestedAt: string; dueAt: string; missing: string[]; overdue: boolean };
        }
      ).completion;
      expect(completion.missing).toEqual(['a data management plan']);
      expect(Date.parse(completion.dueAt) - Date.parse(completion.requestedAt)).toBe(28 * DAY);
      expect(completion.overdue).toBe(false);
      const blocked = await call(
        'de',
        'POST',
        `/v1/applications/${id}/decision`,
        await reviewer('de'),
        {
          outcome: 'APPROVED',
          reason: 'before completion',
        },
      );
      expect(blocked.body.error?.message).toContain('awaits completion');

      const completed = await call(
        'de',
        'POST',
        `/v1/applications/${id}/completion`,
        await researcher(),
        {
          ...application({ title: 'An application DE finds incomplete' }),
          description:
            'Now with a data management plan: data stays in the SPE, results are aggregated.',
        },
      );
      expect(completed.status).toBe(200);
      expect(completed.body).toMatchObject({ applicationVersion: 2 });
      expect(completed.body).not.toHaveProperty('completion');
      const atFr = await call('fr', 'GET', `/v1/applications/${id}`, await reviewer('fr'));
      expect(atFr.body).toMatchObject({
        applicationVersion: 2,
        decisions: [{ node: 'fr', outcome: 'PENDING' }],
      });
    });

    it('ends an application for all when the applicant withdraws it', async () => {
      const { id } = await lodge({ title: 'An application Alice withdraws' });
      const withdrawn = await call(
        'de',
        'POST',
        `/v1/applications/${id}/withdraw`,
        await researcher(),
      );
      expect(withdrawn.body.status).toBe('WITHDRAWN');
      for (const node of ['fr', 'nl']) {
        expect(
          (await call(node, 'GET', `/v1/applications/${id}`, await reviewer(node))).body.status,
        ).toBe('WITHDRAWN');
      }
    });

    it('deems an application withdrawn when it is not completed within four weeks', async () => {
      const { id } = await lodge({ title: 'An application never completed' });
      await call('de', 'POST', `/v1/applications/${id}/incomplete`, await reviewer('de'), {
        missing: ['the ethics approval'],
      });
      const de = nodes.de!;
      try {
        de.clock.advance(29 * DAY);
        const token = await federation.token('alice', ['researcher'], { now: de.clock.now() });
        const later = await call('de', 'GET', `/v1/applications/${id}`, token);
        expect(later.body.status).toBe('WITHDRAWN');
      } finally {
        de.clock.reset();
      }
      expect(
        (await call('nl', 'GET', `/v1/applications/${id}`, await reviewer('nl'))).body.status,
      ).toBe('WITHDRAWN');
      const audit = await de.app.get(AuditService).query({ action: 'application.withdraw' });
      expect(audit.find((e) => e.permitId === id)?.details).toEqual({
        reason: 'not completed within four weeks (EHDS Art 68(4))',
      });
    });
  });

  describe('revocation', () => {
    it('by any participating HDAB archives the permit at every participant at once, audited at each', async () => {
      const { id } = await lodge({ title: 'A permit FR will revoke' });
      for (const node of ['de', 'fr', 'nl']) {
        await call(node, 'POST', `/v1/applications/${id}/decision`, await reviewer(node), {
          outcome: 'APPROVED',
          reason: 'approved for the revocation test',
        });
      }
      for (const node of ['de', 'fr', 'nl']) {
        await eventually(async () => {
          const view = await call(node, 'GET', `/v1/applications/${id}`, await researcher());
          return view.body.status === 'ACTIVE' ? true : undefined;
        }, 20_000);
      }

      const admin = await federation.token('admin-fr', ['hdab-admin'], { hdab: 'fr' });
      const resumed = await call('fr', 'POST', `/v1/permits/${id}/resume`, admin, {
        reason: 'nothing to resume',
      });
      expect(resumed.body.error).toMatchObject({ code: 'PERMIT.ILLEGAL_TRANSITION' });
      const byResearcher = await call(
        'fr',
        'POST',
        `/v1/permits/${id}/revoke`,
        await researcher(),
        { reason: 'mine' },
      );
      expect(byResearcher.status).toBe(403);

      const revoked = await call('fr', 'POST', `/v1/permits/${id}/revoke`, admin, {
        reason: 'breach of Art 61',
      });
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ status: 'ARCHIVED', notYetTold: [] });
      for (const node of ['de', 'nl']) {
        const there = await call(node, 'GET', `/v1/applications/${id}`, await reviewer(node));
        expect(there.body.status).toBe('ARCHIVED');
        const audit = await nodes[node]!.app.get(AuditService).query({ action: 'permit.revoke' });
        expect(audit.find((e) => e.permitId === id)).toMatchObject({
          actor: { kind: 'peer', id: 'fr' },
          details: { from: 'ACTIVE', to: 'ARCHIVED', reason: 'breach of Art 61' },
        });
      }
      const again = await call(
        'de',
        'POST',
        `/v1/permits/${id}/revoke`,
        await federation.token('admin-de', ['hdab-admin'], { hdab: 'de' }),
        {
          reason: 'twice',
        },
      );
      expect(again.body.error).toMatchObject({ code: 'PERMIT.ILLEGAL_TRANSITION' });
    });
  });

  it('ends for all when one country rejects, with the reasons visible to the applicant', async () => {
    const { id } = await lodge({ title: 'A study NL will not support' });
    const rejected = await call(
      'nl',
      'POST',
      `/v1/applications/${id}/decision`,
      await reviewer('nl'),
      {
        outcome: 'REJECTED',
        reason: 'the purpose does not justify these variables',
      },
    );
    expect(rejected.status).toBe(200);
    const seen = await call('de', 'GET', `/v1/applications/${id}`, await researcher());
    expect(seen.body.status).toBe('REJECTED');
    expect(seen.body.decisions.find((d) => d.node === 'nl')).toMatchObject({
      outcome: 'REJECTED',
      reason: 'the purpose does not justify these variables',
    });
    expect(
      (await call('fr', 'GET', `/v1/applications/${id}`, await reviewer('fr'))).body.status,
    ).toBe('REJECTED');
    const late = await call('fr', 'POST', `/v1/applications/${id}/decision`, await reviewer('fr'), {
      outcome: 'APPROVED',
      reason: 'too late',
    });
    expect(late.body.error?.code).toBe('DECISION.NOT_PENDING');
  });

  it('refuses prohibited uses, incomplete applications and data nobody publishes, storing nothing', async () => {
    const token = await researcher();
    const prohibited = await call(
      'de',
      'POST',
      '/v1/applications',
      token,
      application({ purpose: 'advertising-or-marketing' }),
    );
    expect(prohibited.status).toBe(400);
    expect(prohibited.body.error).toMatchObject({ code: 'APPLICATION.PROHIBITED_USE' });

    const incomplete = await call('de', 'POST', '/v1/applications', token, {
      purpose: 'scientific-research',
      pseudonymised: true,
    });
    expect(incomplete.status).toBe(400);
    const missing = (
      incomplete.body.error!.details as { issues: { path: string; message: string }[] }
    ).issues;
    expect(missing.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'applicant',
        'title',
        'description',
        'datasets',
        'users',
        'durationMonths',
        'analysisKinds',
      ]),
    );

    const unknown = await call(
      'de',
      'POST',
      '/v1/applications',
      token,
      application({
        datasets: [{ node: 'fr', dataset: 'cardiometabolic', variables: ['age', 'income'] }],
      }),
    );
    expect(unknown.body.error).toMatchObject({
      code: 'APPLICATION.UNKNOWN_DATA',
      details: { problems: ['fr/cardiometabolic has no variable income'] },
    });
  });

  it('publishes a register of applications and permits without personal data, to anyone', async () => {
    const res = await fetch(`${nodes.de!.httpUrl}/v1/register`);
    const entries = (await res.json()) as Record<string, unknown>[];
    expect(entries.map((e) => e.status).sort()).toEqual([
      'ACTIVE',
      'ARCHIVED',
      'REJECTED',
      'REQUESTED',
      'WITHDRAWN',
      'WITHDRAWN',
    ]);
    const text = JSON.stringify(entries);
    expect(text).not.toContain('alice');
    expect(text).not.toContain('Alice Martin');
    expect(entries[0]).toMatchObject({
      organisation: 'Charité Research',
      participants: ['de', 'fr', 'nl'],
    });
  });
});
