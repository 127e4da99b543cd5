import { gateDecision, graded, outputStatus } from './output-gate.rules';

const POLICY = { autoRelease: true, blockFails: false };

describe('gateDecision', () => {
  it('releases a contribution without findings, with its persons', () => {
    expect(gateDecision([], { cells: [] }, 42, POLICY)).toEqual({
      outcome: 'RELEASED',
      contribution: { cells: [] },
      persons: 42,
    });
  });

  it('holds a passing contribution for review when the policy reviews every output', () => {
    expect(gateDecision([], { cells: [] }, 42, { ...POLICY, autoRelease: false })).toEqual({
      outcome: 'AWAITING_REVIEW',
      findings: [],
    });
  });

  it('holds a failing contribution for review, telling the reasons and none of the values', () => {
    const findings = graded([{ rule: 'min-count', cell: 'sex=female', value: 3, threshold: 10 }]);
    expect(outputStatus(findings)).toBe('fail');
    const decision = gateDecision(findings, { cells: [{ key: ['female'], count: 3 }] }, 3, POLICY);
    expect(decision).toEqual({
      outcome: 'AWAITING_REVIEW',
      findings: [{ rule: 'min-count', cell: 'sex=female', threshold: 10, outcome: 'fail' }],
    });
    expect(JSON.stringify(decision)).not.toContain('3');
  });

  it('blocks a failing contribution outright when the policy blocks failures', () => {
    const findings = graded([
      { rule: 'max-parameters', cell: 'parameters', value: 9, threshold: 4 },
    ]);
    expect(gateDecision(findings, {}, 12, { ...POLICY, blockFails: true })).toEqual({
      outcome: 'BLOCKED',
      findings: [{ rule: 'max-parameters', cell: 'parameters', threshold: 4, outcome: 'fail' }],
    });
  });
});
