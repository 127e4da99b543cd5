import { DomainError } from '../../../shared/errors';
import { NamedUser } from './permit';
import type { PermitPayload } from './permit-payload';

/** The same day `months` calendar months later (UTC), clamped to the month's end. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
  ).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** EHDS Art 68(4): an HDAB decides within three months of a complete application. */
export function decisionDueAt(receivedAt: Date): Date {
  return addMonths(receivedAt, 3);
}

/** EHDS Art 68(4): four weeks to complete an incomplete application. */
export function completionDueAt(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + 28 * 86_400_000);
}

export function assertWithinValidity(payload: PermitPayload, now: Date): void {
  if (now < new Date(payload.validFrom)) {
    throw new DomainError(
      'PERMIT.NOT_YET_VALID',
      `Permit ${payload.permitId} is valid from ${payload.validFrom}`,
    );
  }
  if (now >= new Date(payload.validUntil)) {
    throw new DomainError(
      'PERMIT.EXPIRED',
      `Permit ${payload.permitId} expired at ${payload.validUntil}`,
    );
  }
}

export function assertNamesNode(payload: PermitPayload, nodeId: string): void {
  if (!payload.participants.includes(nodeId)) {
    throw new DomainError(
      'PERMIT.NOT_FOR_THIS_NODE',
      `Permit ${payload.permitId} does not name node ${nodeId}`,
    );
  }
}

export function assertUserNamed(payload: PermitPayload, user: NamedUser): void {
  if (!payload.users.some((u) => u.issuer === user.issuer && u.subject === user.subject)) {
    throw new DomainError(
      'PERMIT.USER_NOT_NAMED',
      `Permit ${payload.permitId} does not name this user`,
    );
  }
}
