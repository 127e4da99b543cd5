import { DomainError } from '../../../shared/errors';
import { PermitStatus } from './permit';
import { canMove } from './permit.machine';

/** What a participating HDAB may do to a granted permit, for every participant at once (Art 63). */
export type PermitChange = 'SUSPEND' | 'RESUME' | 'REVOKE';

export const TARGET: Record<PermitChange, PermitStatus> = {
  SUSPEND: 'SUSPENDED',
  RESUME: 'ACTIVE',
  REVOKE: 'ARCHIVED',
};

/** The status a change leads to from `from`, or PERMIT.ILLEGAL_TRANSITION. */
export function statusAfter(change: PermitChange, from: PermitStatus): PermitStatus {
  const to = TARGET[change];
  if (change === 'RESUME' && from !== 'SUSPENDED') {
    throw new DomainError(
      'PERMIT.ILLEGAL_TRANSITION',
      `Only a suspended permit can resume; this one is ${from}`,
    );
  }
  if (!canMove(from, to)) {
    throw new DomainError(
      'PERMIT.ILLEGAL_TRANSITION',
      `A ${from} permit cannot be ${TARGET[change].toLowerCase()}`,
      {
        from,
        to,
      },
    );
  }
  return to;
}
