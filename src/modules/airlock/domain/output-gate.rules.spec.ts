import { gateDecision } from './output-gate.rules';

describe('gateDecision', () => {
  it('releases a contribution without findings, with its persons', () => {
    expect(gateDecision([], { cells: [] }, 42)).toEqual({
      outcome: 'RELEASED',
      contribution: { cells: [] },
      persons: 42,
    });
  });

  it('holds back the whole contribution and keeps the values of the findings inside the node', () => {
    const decision = gateDecision(
      [{ rule: 'min-count', cell: 'sex=female', value: 3, threshold: 10 }],
      { cells: [{ key: ['female'], count: 3 }] },
      3,
    );
    expect(decision).toEqual({
      outcome: 'BLOCKED',
      findings: [{ rule: 'min-count', cell: 'sex=female', threshold: 10 }],
    });
    expect(JSON.stringify(decision)).not.toContain('3');
  });
});
