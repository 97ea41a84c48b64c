/** The one error shape of the API: RFC 9457 problem details. */
import type { Violation } from '#libs/model/src/index.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemDetails {
  /** A URN naming the kind of problem, one per gateway error code. */
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request path. */
  instance: string;
  /** Quote it when reporting a problem: every log line of the request carries it. */
  requestId: string;
  /** Every rule the body broke, each with the JSON path of the offending value. */
  violations?: Violation[];
}

export function problemType(code: string): string {
  return `urn:assonant-gateway:problem:${code.replace(/_/g, '-')}`;
}
