import { NamedUser } from '../../permits/domain/permit';

/** What the lead asserts when it forwards a job: this person submitted this exact job. */
export interface SubmitterClaims {
  readonly jobId: string;
  readonly permitId: string;
  /** SHA-256 of the canonical job specification, base64url. */
  readonly specHash: string;
  readonly submitter: NamedUser;
}

/** Short-lived assertions signed with the lead node's EdDSA key. */
export abstract class SubmitterAssertions {
  abstract issue(claims: SubmitterClaims, now: Date): Promise<string>;
  /** The claims, if `token` was signed by `leadId`'s registered key and is valid at `now`; else JOB.ASSERTION_INVALID. */
  abstract verify(token: string, leadId: string, now: Date): Promise<SubmitterClaims>;
}
