import { afterReview, assertMayReview, deliveryOf } from './airlock.rules';
import { HeldOutput, Review } from './held-output';

const alice = { issuer: 'https://idp', subject: 'alice' };
const rev1 = { issuer: 'https://idp', subject: 'rev1' };
const rev2 = { issuer: 'https://idp', subject: 'rev2' };

const held = (over: Partial<HeldOutput> = {}): HeldOutput => ({
  id: 'o1',
  jobId: 'j1',
  round: 1,
  permitId: 'p1',
  lead: 'de',
  spec: {
    jobId: 'j1',
    permitId: 'p1',
    kind: 'count',
    params: { dataset: 'study' },
    submittedBy: alice,
    submittedAt: '2026-01-01T00:00:00Z',
  },
  contribution: { cells: [{ key: [], count: 4 }] },
  persons: 4,
  findings: [{ rule: 'min-count', cell: 'total', value: 4, threshold: 10, outcome: 'fail' }],
  status: 'fail',
  state: 'AWAITING_REVIEW',
  heldAt: new Date(0),
  reviews: [],
  ...over,
});

const review = (reviewer: typeof rev1, decision: Review['decision']): Review => ({
  reviewer,
  decision,
  reason: 'r',
  reviewedAt: new Date(0),
});

describe('the airlock rules', () => {
  it('refuses the submitter, a second review by the same reviewer, and a decided output', () => {
    expect(() => assertMayReview(held(), alice)).toThrow(
      expect.objectContaining({ code: 'AIRLOCK.OWN_OUTPUT' }),
    );
    expect(() => assertMayReview(held({ reviews: [review(rev1, 'RELEASE')] }), rev1)).toThrow(
      expect.objectContaining({ code: 'AIRLOCK.ALREADY_REVIEWED' }),
    );
    expect(() => assertMayReview(held({ state: 'REJECTED' }), rev1)).toThrow(
      expect.objectContaining({ code: 'AIRLOCK.DECIDED' }),
    );
    expect(() => assertMayReview(held({ reviews: [review(rev1, 'RELEASE')] }), rev2)).not.toThrow();
  });

  it('releases after the number of releases the policy needs; any rejection rejects', () => {
    expect(afterReview([review(rev1, 'RELEASE')], 1)).toBe('RELEASED');
    expect(afterReview([review(rev1, 'RELEASE')], 2)).toBe('AWAITING_REVIEW');
    expect(afterReview([review(rev1, 'RELEASE'), review(rev2, 'RELEASE')], 2)).toBe('RELEASED');
    expect(afterReview([review(rev1, 'RELEASE'), review(rev2, 'REJECT')], 2)).toBe('REJECTED');
  });

  it('delivers a rejection with the reasons and none of the values', () => {
    const delivery = deliveryOf(held({ state: 'REJECTED', reason: 'too small' }));
    expect(delivery).toEqual({
      outcome: 'BLOCKED',
      findings: [{ rule: 'min-count', cell: 'total', threshold: 10, outcome: 'fail' }],
      reason: 'rejected by the reviewer: too small',
    });
    expect(deliveryOf(held({ state: 'RELEASED' }))).toEqual({
      outcome: 'RELEASED',
      contribution: { cells: [{ key: [], count: 4 }] },
      persons: 4,
    });
  });
});
