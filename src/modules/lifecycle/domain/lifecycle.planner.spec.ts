import { LifecycleFacts, LifecyclePolicy } from './lifecycle';
import { destroyDueAt, nextEvent, plan } from './lifecycle.planner';

const policy: LifecyclePolicy = { node: 'de', destroyAfterMonths: 6 };
const base: LifecycleFacts = {
  permitId: '00000000-0000-4000-8000-000000000001',
  status: 'ACTIVE',
  lead: 'de',
  participants: ['de', 'fr'],
  validUntil: '2026-01-31T12:00:00.000Z',
  recordsFrom: [],
};
const at = (iso: string) => new Date(iso);
const archived: LifecycleFacts = {
  ...base,
  status: 'ARCHIVED',
  archivedAt: '2026-01-31T12:00:00.000Z',
  archival: { reason: 'EXPIRED', untold: [] },
};

describe('the lifecycle planner', () => {
  it('archives a permit in use, suspended or still in preparation once its validity ends, not before', () => {
    for (const status of ['APPROVED', 'PREPARING', 'ACTIVE', 'SUSPENDED'] as const) {
      const facts = { ...base, status };
      expect(plan(at('2026-01-31T11:59:59.999Z'), [facts], policy)).toEqual([]);
      expect(plan(at('2026-01-31T12:00:00.000Z'), [facts], policy)).toEqual([
        { kind: 'ARCHIVE', permitId: base.permitId, reason: 'EXPIRED' },
      ]);
    }
  });

  it('leaves applications, refusals and withdrawals alone', () => {
    for (const status of ['REQUESTED', 'REJECTED', 'WITHDRAWN'] as const) {
      expect(plan(at('2099-01-01T00:00:00Z'), [{ ...base, status }], policy)).toEqual([]);
    }
  });

  it('applies archival to a permit a revocation archived', () => {
    const revoked = { ...archived, archival: undefined };
    expect(plan(at('2026-02-01T00:00:00Z'), [revoked], policy)).toEqual([
      { kind: 'ARCHIVE', permitId: base.permitId, reason: 'REVOKED' },
    ]);
  });

  it('destroys six months (the policy) after archival, to the day', () => {
    expect(destroyDueAt(archived.archivedAt!, policy).toISOString()).toBe(
      '2026-07-31T12:00:00.000Z',
    );
    expect(plan(at('2026-07-31T11:59:59Z'), [archived], policy)).toEqual([]);
    expect(plan(at('2026-07-31T12:00:00Z'), [archived], policy)).toEqual([
      { kind: 'DESTROY', permitId: base.permitId },
    ]);
    expect(
      plan(at('2026-01-31T12:00:00Z'), [archived], { ...policy, destroyAfterMonths: 0 }),
    ).toEqual([{ kind: 'DESTROY', permitId: base.permitId }]);
  });

  it('finishes a destruction begun and not recorded, and a participant delivers its record until the lead has it', () => {
    const begun = {
      ...archived,
      destruction: { destroyedAt: '2026-08-01T00:00:00Z', recorded: false, delivered: false },
    };
    expect(plan(at('2026-08-01T00:01:00Z'), [begun], policy)).toEqual([
      { kind: 'DESTROY', permitId: base.permitId },
    ]);
    const atFr = { node: 'fr', destroyAfterMonths: 6 };
    const recorded = {
      ...begun,
      status: 'DESTROYED' as const,
      destruction: { ...begun.destruction, recorded: true },
    };
    expect(plan(at('2026-08-01T00:01:00Z'), [recorded], atFr)).toEqual([
      { kind: 'DELIVER_RECORD', permitId: base.permitId, lead: 'de' },
    ]);
    expect(plan(at('2026-08-01T00:01:00Z'), [recorded], policy)).toEqual([]);
    const delivered = { ...recorded, destruction: { ...recorded.destruction, delivered: true } };
    expect(plan(at('2026-08-01T00:01:00Z'), [delivered], atFr)).toEqual([]);
  });

  it('tells the participants not yet told of a closure, at every tick until they are', () => {
    const closed = { ...archived, archival: { reason: 'CLOSED' as const, untold: ['fr'] } };
    expect(plan(at('2026-02-01T00:00:00Z'), [closed], policy)).toEqual([
      { kind: 'TELL_ARCHIVED', permitId: base.permitId, nodes: ['fr'] },
    ]);
  });

  it('sends extension messages that did not get through: the lead its request or its end, a participant its decision', () => {
    const now = at('2026-01-01T00:00:00Z');
    const extension = {
      id: '00000000-0000-4000-8000-0000000000e1',
      status: 'PENDING' as const,
      untold: ['fr'],
      decided: false,
      reported: false,
    };
    const ids = { permitId: base.permitId, extensionId: extension.id };
    expect(plan(now, [{ ...base, extension }], policy)).toEqual([
      { kind: 'SEND_EXTENSION', ...ids },
    ]);
    const atFr = { node: 'fr', destroyAfterMonths: 6 };
    const own = { ...extension, untold: [], decided: true };
    expect(plan(now, [{ ...base, extension: own }], atFr)).toEqual([
      { kind: 'REPORT_EXTENSION', ...ids, lead: 'de' },
    ]);
    expect(plan(now, [{ ...base, extension: { ...own, reported: true } }], atFr)).toEqual([]);
    expect(plan(now, [{ ...base, extension: { ...extension, status: 'LAPSED' } }], policy)).toEqual(
      [],
    );
  });

  it('names the next event and when', () => {
    const now = at('2026-01-01T00:00:00Z');
    expect(nextEvent(now, base, policy)).toEqual({
      event: 'ARCHIVE',
      at: '2026-01-31T12:00:00.000Z',
      due: false,
    });
    expect(nextEvent(now, archived, policy)).toEqual({
      event: 'DESTROY',
      at: '2026-07-31T12:00:00.000Z',
      due: false,
    });
    const destroyed = {
      ...archived,
      status: 'DESTROYED' as const,
      destruction: { destroyedAt: '2026-08-01T00:00:00Z', recorded: true, delivered: true },
      recordsFrom: ['de'],
    };
    expect(nextEvent(now, destroyed, policy)).toEqual({ event: 'AWAIT_RECORDS', from: ['fr'] });
    expect(nextEvent(now, { ...destroyed, recordsFrom: ['de', 'fr'] }, policy)).toBeUndefined();
    expect(nextEvent(now, { ...base, status: 'REJECTED' }, policy)).toBeUndefined();
  });
});
