/** The roles a person can hold at a node. */
export const ROLES = ['researcher', 'hdab-reviewer', 'hdab-admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A person, identified as OIDC does: by issuer and subject together (the
 * same pair a permit names). Roles come from the token.
 */
export interface Person {
  readonly issuer: string;
  readonly subject: string;
  readonly roles: readonly Role[];
}

/** The one string that names a person, in the audit log and in permits. */
export function personId(person: Pick<Person, 'issuer' | 'subject'>): string {
  return `${person.issuer}#${person.subject}`;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
