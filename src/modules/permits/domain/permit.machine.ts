import { DomainError } from '../../../shared/errors';
import { PermitStatus } from './permit';

/** Every allowed move of a permit; anything else is refused. */
export const PERMIT_TRANSITIONS = {
  REQUESTED: ['APPROVED', 'REJECTED', 'WITHDRAWN'],
  APPROVED: ['PREPARING', 'ARCHIVED'],
  REJECTED: [],
  WITHDRAWN: [],
  PREPARING: ['ACTIVE', 'ARCHIVED'],
  ACTIVE: ['SUSPENDED', 'ARCHIVED'],
  SUSPENDED: ['ACTIVE', 'ARCHIVED'],
  ARCHIVED: ['DESTROYED'],
  DESTROYED: [],
} as const satisfies Record<PermitStatus, readonly PermitStatus[]>;

export const PERMIT_STATUSES = Object.keys(PERMIT_TRANSITIONS) as PermitStatus[];

export function canMove(from: PermitStatus, to: PermitStatus): boolean {
  return (PERMIT_TRANSITIONS[from] as readonly PermitStatus[]).includes(to);
}

/** The status after a move, or PERMIT.ILLEGAL_TRANSITION. */
export function move(from: PermitStatus, to: PermitStatus): PermitStatus {
  if (!canMove(from, to)) {
    throw new DomainError('PERMIT.ILLEGAL_TRANSITION', `A permit cannot go from ${from} to ${to}`, {
      from,
      to,
    });
  }
  return to;
}
