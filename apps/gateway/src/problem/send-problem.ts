/**
 * A DomainError as problem details, for the exception filter and for Fastify
 * hooks that answer before Nest is involved (authentication in `onRequest`).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DomainError } from './domain-error.js';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem-details.js';

export function domainProblem(error: DomainError, request: FastifyRequest): ProblemDetails {
  const problem: ProblemDetails = {
    type: problemType(error.code),
    title: error.title,
    status: error.status,
    detail: error.detail,
    instance: request.url,
    requestId: String(request.id),
  };
  if (error.violations.length > 0) problem.violations = error.violations;
  return problem;
}

export async function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  error: DomainError,
): Promise<void> {
  const problem = domainProblem(error, request);
  request.log.info({ status: problem.status, problem: problem.type }, problem.title);
  await reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}
