import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Metadata } from '@grpc/grpc-js';
import type { Response } from 'express';
import { throwError } from 'rxjs';
import { ERROR_CODE_METADATA } from '../grpc/error-metadata';
import { DomainError, errorCodeOfHttpStatus, grpcStatusOf, httpStatusOf } from '../shared/errors';
import { currentRequestId } from '../shared/request-context';

/**
 * The one place where errors become HTTP responses or gRPC statuses, through
 * the code → status table. Unexpected errors are logged (without request
 * data) and answered as INTERNAL, never with their message.
 */
@Catch()
export class ExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost) {
    const error = this.toDomainError(exception);
    if (host.getType() === 'rpc') {
      const metadata = new Metadata();
      metadata.set(ERROR_CODE_METADATA, error.code);
      return throwError(() => ({
        code: grpcStatusOf(error.code),
        details: error.message,
        metadata,
      }));
    }
    const res = host.switchToHttp().getResponse<Response>();
    res.locals.errorCode = error.code;
    res.status(httpStatusOf(error.code)).json({
      error: {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
        requestId: currentRequestId(),
      },
    });
  }

  private toDomainError(exception: unknown): DomainError {
    if (exception instanceof DomainError) return exception;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500) return new DomainError(errorCodeOfHttpStatus(status), exception.message);
    }
    this.logger.error(
      `Unexpected ${exception instanceof Error ? exception.name : typeof exception}`,
      exception instanceof Error ? exception.stack : undefined,
    );
    return new DomainError('INTERNAL', 'Internal error');
  }
}
