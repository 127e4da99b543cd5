import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NodeConfig } from '../../../config/app-config';
import { TokenVerifier } from '../application/token-verifier.port';
import { Person } from '../domain/person';
import { Authenticated, Public, Roles } from './access.decorators';
import { AccessGuard } from './access.guard';

class FixedVerifier extends TokenVerifier {
  verify = async (): Promise<Person> => ({
    issuer: 'https://idp',
    subject: 'ann',
    roles: ['researcher'],
  });
}

/** An HTTP execution context for a handler carrying `decorators`. */
function contextFor(decorators: MethodDecorator[], authorization?: string) {
  class Routes {
    handler() {}
  }
  const descriptor = Object.getOwnPropertyDescriptor(Routes.prototype, 'handler')!;
  for (const decorate of decorators) decorate(Routes.prototype, 'handler', descriptor);
  const locals: Record<string, unknown> = {};
  const context = {
    getType: () => 'http',
    getHandler: () => Routes.prototype.handler,
    getClass: () => Routes,
    switchToHttp: () => ({
      getRequest: () => ({
        header: (name: string) => (name === 'authorization' ? authorization : undefined),
      }),
      getResponse: () => ({ locals }),
    }),
  } as unknown as ExecutionContext;
  return { context, locals };
}

describe('AccessGuard', () => {
  const guard = new AccessGuard(new Reflector(), new FixedVerifier(), { id: 'de' } as NodeConfig);

  it('refuses a route that declares no access rule, even with a valid token', async () => {
    const { context } = contextFor([], 'Bearer a.b.c');
    await expect(guard.canActivate(context)).rejects.toMatchObject({ code: 'REQUEST.FORBIDDEN' });
  });

  it('lets anyone through a public route', async () => {
    expect(await guard.canActivate(contextFor([Public()]).context)).toBe(true);
  });

  it('needs a bearer token on a protected route', async () => {
    await expect(guard.canActivate(contextFor([Authenticated()]).context)).rejects.toMatchObject({
      code: 'REQUEST.UNAUTHENTICATED',
    });
  });

  it('checks the roles and records the person for the audit entry', async () => {
    const allowed = contextFor([Roles('researcher', 'auditor')], 'Bearer a.b.c');
    expect(await guard.canActivate(allowed.context)).toBe(true);
    expect(allowed.locals.actor).toEqual({
      kind: 'user',
      id: 'https://idp#ann',
      role: 'researcher',
    });

    const refused = contextFor([Roles('hdab-admin')], 'Bearer a.b.c');
    await expect(guard.canActivate(refused.context)).rejects.toMatchObject({
      code: 'REQUEST.FORBIDDEN',
    });
    expect(refused.locals.actor).toMatchObject({ id: 'https://idp#ann' });
  });
});
