import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '../../../shared/errors';
import { Person, Role } from '../domain/person';

/** Who may call a route. A route without an access rule is refused to everyone. */
export type AccessRule = { readonly public: true } | { readonly roles: readonly Role[] | 'any' };

export const ACCESS_RULE = 'spe:access-rule';

/** Open to anyone, without a token. */
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);

/** Open to a person holding at least one of `roles`. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { roles } satisfies AccessRule);

/** Open to any authenticated person, whatever their roles. */
export const Authenticated = () => SetMetadata(ACCESS_RULE, { roles: 'any' } satisfies AccessRule);

export const PERSON_LOCAL = 'person';

/** The authenticated person of the request (set by AccessGuard). */
export const CurrentPerson = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Person => {
    const person = ctx.switchToHttp().getResponse<Response>().locals[PERSON_LOCAL] as
      Person | undefined;
    if (!person) throw new DomainError('REQUEST.UNAUTHENTICATED', 'No authenticated person');
    return person;
  },
);
