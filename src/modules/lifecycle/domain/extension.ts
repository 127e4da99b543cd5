import { DomainError } from '../../../shared/errors';
import { addMonths } from '../../permits/domain/permit.rules';

/** An extension of a permit's validity (EHDS recital 74): asked by the applicant, decided by every participant. */
export type ExtensionStatus = 'PENDING' | 'GRANTED' | 'REJECTED' | 'LAPSED';

export interface ExtensionDecision {
  readonly outcome: 'APPROVED' | 'REJECTED';
  readonly reason: string;
  readonly decidedBy?: string;
  readonly decidedAt: string;
  /** With an approval: the node's JWS signature of the permit with the new end. */
  readonly signature?: { readonly protected: string; readonly signature: string };
}

export interface Extension {
  readonly id: string;
  readonly permitId: string;
  readonly validUntil: string;
  readonly previousValidUntil: string;
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly status: ExtensionStatus;
  readonly decisions: Readonly<Record<string, ExtensionDecision>>;
  /** At the lead: participants not yet told of the request (PENDING) or of its end. */
  readonly untold: readonly string[];
  /** At a participant: its decision reached the lead. */
  readonly reported: boolean;
}

/** Permits last at most ten years in all (EHDS Art 68(12); configurable once confirmed). */
export const MAX_PERMIT_MONTHS = 120;

/** The end of a permit extended by `months`, or REQUEST.INVALID past ten years from its start. */
export function extendedUntil(validFrom: string, validUntil: string, months: number): string {
  const until = addMonths(new Date(validUntil), months);
  if (until > addMonths(new Date(validFrom), MAX_PERMIT_MONTHS)) {
    throw new DomainError(
      'REQUEST.INVALID',
      `A permit lasts at most ${MAX_PERMIT_MONTHS} months from ${validFrom}`,
    );
  }
  return until.toISOString();
}

/** How an extension ends once decided: rejected by anyone, granted when every participant approved. */
export function extensionOutcome(
  extension: Pick<Extension, 'decisions'>,
  participants: readonly string[],
): 'GRANTED' | 'REJECTED' | undefined {
  const decisions = participants.map((n) => extension.decisions[n]);
  if (decisions.some((d) => d?.outcome === 'REJECTED')) return 'REJECTED';
  return decisions.every((d) => d?.outcome === 'APPROVED') ? 'GRANTED' : undefined;
}

/** An extension is asked, decided and granted only before archival. */
export function assertLive(permitId: string, status: string): void {
  if (!['APPROVED', 'PREPARING', 'ACTIVE', 'SUSPENDED'].includes(status)) {
    throw new DomainError(
      'PERMIT.NOT_ACTIVE',
      `Permit ${permitId} is ${status}: after archival there is no way back`,
      { status },
    );
  }
}
