import type { Finding } from '../../analysis/domain/analysis-kind';

/** A finding as it may leave the node: which rule, which cell, which threshold; never the value. */
export type PublicFinding = Omit<Finding, 'value'>;

/** What the output gate lets out of the node for one contribution. */
export type GateDecision =
  | { readonly outcome: 'RELEASED'; readonly contribution: unknown; readonly persons: number }
  | { readonly outcome: 'BLOCKED'; readonly findings: readonly PublicFinding[] };

/** Released when nothing was found; otherwise held back with the reasons, and nothing of the output. */
export function gateDecision(
  findings: readonly Finding[],
  contribution: unknown,
  persons: number,
): GateDecision {
  if (findings.length === 0) return { outcome: 'RELEASED', contribution, persons };
  return {
    outcome: 'BLOCKED',
    findings: findings.map(({ rule, cell, threshold }) => ({ rule, cell, threshold })),
  };
}
