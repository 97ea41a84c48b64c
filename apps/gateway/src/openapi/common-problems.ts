/**
 * The error statuses that whole kinds of routes share — key and scope
 * refusals, JSON bodies, query strings, the scan in the path, the store —
 * documented once and put on each operation that can answer them.
 */
import { applyDecorators } from '@nestjs/common';
import { TECHNIQUE_RULE } from '#libs/model/src/index.js';
import type { DomainError } from '../problem/domain-error.js';
import { bodyTooLarge, storeUnavailable, unsupportedMedia } from '../problem/transport-errors.js';
import { emptyBody } from '../validation/model-validation.pipe.js';
import { ApiProblem, type ProblemCase } from './api-problem.js';

const SCAN = '/v1/scans/mogno-0001';
/** BODY_LIMIT_BYTES' default, as the examples quote it. */
const DEFAULT_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

/** The example of a problem the gateway builds in one place, at `instance`. */
export const caseOf = (error: DomainError, instance: string): ProblemCase => ({
  code: error.code,
  detail: error.detail,
  instance,
});

const tooLargeCase = (instance: string): ProblemCase =>
  caseOf(bodyTooLarge(DEFAULT_BODY_LIMIT_BYTES), instance);

const notJsonCase = (instance: string): ProblemCase =>
  caseOf(unsupportedMedia('text/plain', false), instance);

const STATUS_RULE =
  'status must be one of the following values: open, closing, written, failed, expired; did you mean "written"?';

export const ApiKeyProblems = (): MethodDecorator & ClassDecorator =>
  ApiProblem(401, 'With API_KEYS_FILE set: no API key, or one that is not valid.', {
    code: 'unauthenticated',
    detail: 'Send an API key: Authorization: Bearer <key> (or X-API-Key: <key>).',
    instance: SCAN,
  });

export const ApiScopeProblems = (description: string): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiKeyProblems(),
    ApiProblem(403, description, {
      code: 'forbidden',
      detail: 'Key mogno-ops may not write scans of beamline MANACA.',
      instance: SCAN,
    }),
  );

export const ApiScanNotFound = (): MethodDecorator & ClassDecorator =>
  ApiProblem(404, 'No scan has that id.', {
    code: 'scan_not_found',
    detail: 'There is no scan mogno-0001.',
    instance: SCAN,
  });

export const ApiStoreProblems = (): MethodDecorator & ClassDecorator =>
  ApiProblem(
    503,
    'Redis cannot be reached; nothing was stored. Retry after Retry-After.',
    caseOf(storeUnavailable(), SCAN),
  );

export const ApiQueryProblems = (instance: string): MethodDecorator & ClassDecorator =>
  ApiProblem(400, 'A query parameter breaks its rule; the violations name each one.', {
    code: 'invalid_query',
    detail: `The query string breaks 1 rule(s): ${STATUS_RULE}`,
    instance: `${instance}?status=writen`,
    violations: [{ path: 'status', rule: 'isIn', message: STATUS_RULE }],
  });

/** 400, 413, 415 and 422 of a route that takes a JSON body. */
export const ApiJsonBodyProblems = (instance: string): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiProblem(
      400,
      'No body, or one that is not JSON or cannot be kept faithfully: a key twice in one ' +
        'object, a lone UTF-16 surrogate, arrays and objects nested deeper than 512.',
      {
        code: 'invalid_json',
        detail:
          'The body is not valid JSON: expected a JSON value, found the end (at offset 5, in /a)',
        instance,
      },
      caseOf(emptyBody(), instance),
    ),
    ApiProblem(413, 'The body is larger than BODY_LIMIT_BYTES.', tooLargeCase(instance)),
    ApiProblem(415, 'The body is not application/json.', notJsonCase(instance)),
  );

/** The 422 case of a body that breaks the data model. */
export const bodyRuleCase = (instance: string): ProblemCase => ({
  code: 'validation_failed',
  detail: 'The request body breaks 1 rule(s); see violations.',
  instance,
  violations: [
    { path: 'technique', rule: 'isIn', message: `${TECHNIQUE_RULE}; did you mean "CT"?` },
  ],
});

/**
 * A route that takes no body still reads one that is sent (Fastify parses
 * before routing), so it can answer what a body route answers, save 422.
 */
export const ApiIgnoredBodyProblems = (instance: string): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiProblem(400, 'The route takes no body; one that is sent must still be JSON.', {
      code: 'invalid_json',
      detail: 'The body is not valid JSON: expected a JSON value, found the end (at offset 1)',
      instance,
    }),
    ApiProblem(
      413,
      'A body was sent, larger than BODY_LIMIT_BYTES; send none.',
      tooLargeCase(instance),
    ),
    ApiProblem(
      415,
      'A body was sent, and not as application/json; send none.',
      notJsonCase(instance),
    ),
  );
