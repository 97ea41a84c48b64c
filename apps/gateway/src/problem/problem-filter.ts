/**
 * The one exception filter: every failure, from a body that does not parse to
 * a Redis that went away, leaves as application/problem+json with the request
 * id. Unknown errors become a 500 that shows the id and nothing else.
 */
import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isUploadRoute } from '../http/hdf5-upload-parser.js';
import { DomainError } from './domain-error.js';
import { domainProblem } from './send-problem.js';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem-details.js';
import { classifyTransportError, isRedisUnavailable } from './transport-errors.js';

/** Seconds a client should wait before retrying after a 503 from the store. */
const STORE_RETRY_AFTER_S = 2;

@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, request);
    if (problem.status === 415 && isUploadRoute(request.url)) {
      problem.detail = 'Send the file as the body, with Content-Type application/x-hdf5.';
    }
    if (problem.status >= 500 && problem.status !== 503) {
      request.log.error({ err: exception }, 'request failed');
    } else {
      request.log.info({ status: problem.status, problem: problem.type }, problem.title);
    }
    if (problem.status === 503 || problem.status === 429) {
      void reply.header('retry-after', String(STORE_RETRY_AFTER_S));
    }
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown, request: FastifyRequest): ProblemDetails {
    const base = { instance: request.url, requestId: String(request.id) };
    if (exception instanceof DomainError) return domainProblem(exception, request);
    if (isRedisUnavailable(exception)) {
      return {
        type: problemType('store_unavailable'),
        title: 'Staging store unavailable',
        status: 503,
        detail: 'Redis cannot be reached; nothing was stored. Retry later.',
        ...base,
      };
    }
    const transport = classifyTransportError(exception);
    if (transport !== undefined) return { ...transport, ...base };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return {
        type: 'about:blank',
        title: exception.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
        status,
        detail: exception.message,
        ...base,
      };
    }
    return {
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: `Unexpected error; quote request id ${base.requestId} when reporting it.`,
      ...base,
    };
  }
}
