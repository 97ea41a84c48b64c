/**
 * The one exception filter: every failure, from a body that does not parse to
 * a Redis that went away, leaves as application/problem+json with the request
 * id and one of the gateway's own problem types. Unknown errors become a 500
 * that shows the id and nothing else.
 */
import { ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error.js';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';
import { domainProblem } from './send-problem.js';
import { transportDomainError, type TransportLimits } from './transport-errors.js';

/** Seconds a client should wait before retrying after a 503 or a 429. */
const RETRY_AFTER_S = 2;

@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly limits: TransportLimits) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const error = this.toDomainError(exception, request);
    const problem = domainProblem(error, request);
    if (problem.status >= 500 && problem.status !== 503) {
      request.log.error({ err: exception }, 'request failed');
    } else {
      request.log.info({ status: problem.status, problem: problem.type }, problem.title);
    }
    if (problem.status === 503 || problem.status === 429) {
      void reply.header('retry-after', String(RETRY_AFTER_S));
    }
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toDomainError(exception: unknown, request: FastifyRequest): DomainError {
    if (exception instanceof DomainError) return exception;
    return (
      transportDomainError(exception, request, this.limits) ??
      new DomainError(
        'internal_error',
        `Unexpected error; quote request id ${String(request.id)} when reporting it.`,
      )
    );
  }
}
