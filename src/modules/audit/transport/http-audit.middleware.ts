import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { routeOf } from '../../../http/route-of';
import { errorCodeOfHttpStatus, ERROR_CODES, isErrorCode } from '../../../shared/errors';
import { currentRequestId, runWithRequestContext } from '../../../shared/request-context';
import { AuditService } from '../application/audit.service';
import { AuditActor, outcomeOfStatus } from '../domain/audit-entry';

/** Paths that are probes, not access to the environment, and are not audited. */
const UNAUDITED = /^\/(health|metrics)(\/|$)/;

/**
 * Audits every HTTP request once it is answered: who, which route, outcome.
 * Use cases that change state also audit their own activity, in their own
 * transaction.
 */
@Injectable()
export class HttpAuditMiddleware implements NestMiddleware {
  private readonly logger = new Logger(HttpAuditMiddleware.name);

  constructor(private readonly audit: AuditService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    if (UNAUDITED.test(req.path)) return next();
    const requestId = currentRequestId() ?? 'unknown';
    res.on('finish', () => {
      const code = isErrorCode(res.locals.errorCode)
        ? res.locals.errorCode
        : res.statusCode >= 400
          ? errorCodeOfHttpStatus(res.statusCode)
          : undefined;
      const actor: AuditActor = (res.locals.actor as AuditActor | undefined) ?? {
        kind: 'anonymous',
      };
      const route = routeOf(req);
      runWithRequestContext({ requestId }, () =>
        this.audit
          .record({
            channel: 'http',
            actor,
            action: `${req.method} ${route === 'unmatched' ? req.path.slice(0, 200) : route}`,
            outcome: outcomeOfStatus(code ? ERROR_CODES[code] : 'OK'),
            errorCode: code,
            details: { status: res.statusCode },
          })
          .catch((error: unknown) =>
            this.logger.error(`Audit write failed for request ${requestId}: ${String(error)}`),
          ),
      );
    });
    next();
  }
}
