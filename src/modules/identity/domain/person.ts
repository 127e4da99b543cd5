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
  /** The node whose HDAB the person works for, if any (the token's `hdab` claim). */
  readonly hdab?: string;
}

/** Roles an HDAB gives its own staff, which count only at that HDAB's node. */
export const HDAB_ROLES: readonly Role[] = ['hdab-reviewer', 'hdab-admin'];

/** The roles a person holds at `nodeId`: HDAB roles only at their own HDAB's node. */
export function rolesAt(person: Person, nodeId: string): Role[] {
  return person.roles.filter((role) => !HDAB_ROLES.includes(role) || person.hdab === nodeId);
}

/** The one string that names a person, in the audit log and in permits. */
export function personId(person: Pick<Person, 'issuer' | 'subject'>): string {
  return `${person.issuer}#${person.subject}`;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
