/**
 * Documents one error status of an operation: the one problem schema under
 * application/problem+json, with an example per case, each built from the
 * gateway's own error table so that its type, title and status are what the
 * route really answers.
 */
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { ResponseObject } from '@nestjs/swagger';
import type { Violation } from '#libs/model/src/index.js';
import { DomainError, type DomainErrorCode } from '../problem/domain-error.js';
import { PROBLEM_CONTENT_TYPE, problemType } from '../problem/problem-details.js';
import { ProblemResponse } from '../problem/problem-response.dto.js';

export interface ProblemCase {
  code: DomainErrorCode;
  detail: string;
  instance: string;
  violations?: Violation[];
}

const EXAMPLE_REQUEST_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

export function ApiProblem(
  status: number,
  description: string,
  ...cases: ProblemCase[]
): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, ...problemResponseObject(status, description, ...cases) });
}

/** The OpenAPI response object of one error status. */
export function problemResponseObject(
  status: number,
  description: string,
  ...cases: ProblemCase[]
): ResponseObject {
  const examples = Object.fromEntries(cases.map((problemCase) => exampleOf(status, problemCase)));
  return {
    description,
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: { $ref: getSchemaPath(ProblemResponse) },
        ...(cases.length > 0 ? { examples } : {}),
      },
    },
  };
}

function exampleOf(status: number, problemCase: ProblemCase): [string, object] {
  const error = new DomainError(problemCase.code, problemCase.detail, problemCase.violations);
  if (error.status !== status) {
    throw new Error(`${problemCase.code} answers ${error.status}, documented under ${status}`);
  }
  return [
    problemCase.code,
    {
      summary: error.title,
      value: {
        type: problemType(error.code),
        title: error.title,
        status: error.status,
        detail: error.detail,
        instance: problemCase.instance,
        requestId: EXAMPLE_REQUEST_ID,
        ...(error.violations.length > 0 ? { violations: error.violations } : {}),
      },
    },
  ];
}
