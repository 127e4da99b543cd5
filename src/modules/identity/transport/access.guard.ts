import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DomainError } from '../../../shared/errors';
import { AuditActor } from '../../audit/domain/audit-entry';
import { TokenVerifier } from '../application/token-verifier.port';
import { personId, rolesAt } from '../domain/person';
import { NodeConfig } from '../../../config/app-config';
import { ACCESS_RULE, AccessRule, PERSON_LOCAL } from './access.decorators';

/**
 * Deny by default: every HTTP route must declare who may call it. A token
 * is verified, the person recorded for the audit entry of the request, and
 * the route's roles checked. (gRPC calls are peers, checked by their
 * certificates.)
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
    private readonly node: NodeConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new DomainError('REQUEST.FORBIDDEN', 'This route has no access rule');
    if ('public' in rule) return true;

    const http = context.switchToHttp();
    const header = http.getRequest<Request>().header('authorization');
    const token = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header ?? '')?.[1];
    if (!token) throw new DomainError('REQUEST.UNAUTHENTICATED', 'A bearer token is required');
    const person = await this.tokens.verify(token);
    const locals = http.getResponse<Response>().locals;
    locals[PERSON_LOCAL] = person;
    const roles = rolesAt(person, this.node.id);
    locals.actor = {
      kind: 'user',
      id: personId(person),
      role: roles.join(' ') || undefined,
    } satisfies AuditActor;
    if (rule.roles !== 'any' && !rule.roles.some((role) => roles.includes(role))) {
      const elsewhere =
        person.hdab && person.hdab !== this.node.id
          ? ` (HDAB roles of ${person.hdab} count only there)`
          : '';
      throw new DomainError(
        'REQUEST.FORBIDDEN',
        `This needs one of the roles at node ${this.node.id}: ${rule.roles.join(', ')}${elsewhere}`,
      );
    }
    return true;
  }
}
