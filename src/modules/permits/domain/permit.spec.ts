import { DomainError } from '../../../shared/errors';
import { canonicalJson } from './canonical-json';
import { Application } from './permit';
import { statusAfter } from './permit-change';
import { differencesFromApplication, permitPayloadOf } from './permit-payload';
import { canMove, move, PERMIT_STATUSES, PERMIT_TRANSITIONS } from './permit.machine';
import { addMonths, decisionDueAt } from './permit.rules';

describe('the permit state machine', () => {
  const allowed = new Set(
    Object.entries(PERMIT_TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => `${from}->${to}`)),
  );

  it.each(PERMIT_STATUSES.flatMap((from) => PERMIT_STATUSES.map((to) => [from, to] as const)))(
    '%s -> %s is allowed only if the table says so',
    (from, to) => {
      const expected = allowed.has(`${from}->${to}`);
      expect(canMove(from, to)).toBe(expected);
      if (expected) expect(move(from, to)).toBe(to);
      else
        expect(() => move(from, to)).toThrow(
          expect.objectContaining({ code: 'PERMIT.ILLEGAL_TRANSITION' }),
        );
    },
  );

  it('ends in DESTROYED, REJECTED or WITHDRAWN, and never goes back to REQUESTED', () => {
    expect(PERMIT_TRANSITIONS.DESTROYED).toEqual([]);
    expect(PERMIT_STATUSES.filter((s) => canMove(s, 'REQUESTED'))).toEqual([]);
  });

  it('lets an HDAB suspend only an active permit, resume only a suspended one, revoke any granted one', () => {
    expect(statusAfter('SUSPEND', 'ACTIVE')).toBe('SUSPENDED');
    expect(statusAfter('RESUME', 'SUSPENDED')).toBe('ACTIVE');
    for (const from of ['APPROVED', 'PREPARING', 'ACTIVE', 'SUSPENDED'] as const)
      expect(statusAfter('REVOKE', from)).toBe('ARCHIVED');
    expect(() => statusAfter('SUSPEND', 'APPROVED')).toThrow(DomainError);
    expect(() => statusAfter('RESUME', 'ACTIVE')).toThrow(DomainError);
    expect(() => statusAfter('REVOKE', 'REQUESTED')).toThrow(DomainError);
  });
});

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys at every depth, drops white space and undefined, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: true, c: null }], e: undefined, s: 'é"\n' })).toBe(
      '{"a":[3,{"c":null,"d":true}],"b":1,"s":"é\\"\\n"}',
    );
  });

  it('refuses what JSON cannot carry exactly', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });
});

describe('permit dates', () => {
  it('adds calendar months, clamping to the end of shorter months', () => {
    expect(addMonths(new Date('2026-01-31T10:00:00Z'), 1).toISOString()).toBe(
      '2026-02-28T10:00:00.000Z',
    );
    expect(addMonths(new Date('2028-01-31T10:00:00Z'), 1).toISOString()).toBe(
      '2028-02-29T10:00:00.000Z',
    );
    expect(addMonths(new Date('2026-11-29T00:00:00Z'), 12).toISOString()).toBe(
      '2027-11-29T00:00:00.000Z',
    );
  });

  it('gives HDABs three months to decide (Art 68(4))', () => {
    expect(decisionDueAt(new Date('2026-11-29T12:00:00Z')).toISOString()).toBe(
      '2027-02-28T12:00:00.000Z',
    );
  });
});

describe('the permit payload', () => {
  const application: Application = {
    id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
    lead: 'fr',
    applicant: { issuer: 'https://idp', subject: 'alice', name: 'Alice', organisation: 'Lab' },
    publicSectorBody: false,
    purpose: 'scientific-research',
    title: 'Study',
    description: 'A study of something that matters.',
    datasets: [
      { node: 'nl', dataset: 'cardiometabolic', variables: ['sex', 'age'] },
      { node: 'de', dataset: 'cardiometabolic', variables: ['age'] },
    ],
    users: [
      { issuer: 'https://idp', subject: 'bob' },
      { issuer: 'https://idp', subject: 'alice' },
    ],
    durationMonths: 6,
    pseudonymised: false,
    analysisKinds: ['summary', 'count'],
    receivedAt: '2026-11-29T10:00:00.000Z',
  };
  const grantedAt = new Date('2026-12-01T09:00:00Z');

  it('orders participants, datasets, variables, users and kinds, so every HDAB signs the same bytes', () => {
    const payload = permitPayloadOf(application, grantedAt);
    expect(payload.participants).toEqual(['de', 'fr', 'nl']);
    expect(payload.datasets.map((d) => d.node)).toEqual(['de', 'nl']);
    expect(payload.datasets[1]!.variables).toEqual(['age', 'sex']);
    expect(payload.users.map((u) => u.subject)).toEqual(['alice', 'bob']);
    expect(payload.analysisKinds).toEqual(['count', 'summary']);
    expect(payload.validUntil).toBe('2027-06-01T09:00:00.000Z');
    expect(
      canonicalJson(
        permitPayloadOf({ ...application, users: [...application.users].reverse() }, grantedAt),
      ),
    ).toBe(canonicalJson(payload));
  });

  it('lets a participant see every way a payload differs from what it approved', () => {
    const payload = permitPayloadOf(application, grantedAt);
    expect(differencesFromApplication(payload, application, grantedAt)).toEqual([]);
    const widened = {
      ...payload,
      users: [...payload.users, { issuer: 'https://idp', subject: 'eve' }],
    };
    expect(differencesFromApplication(widened, application, grantedAt)).toEqual(['users']);
    expect(
      differencesFromApplication(payload, application, new Date('2027-01-01T00:00:00Z')),
    ).toEqual(['validFrom is not now']);
  });
});
