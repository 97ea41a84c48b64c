/**
 * The gateway's errors as exceptions: every answer of 400 and above is an
 * RFC 9457 problem, and becomes a GatewayProblem carrying all of it.
 */
import type { components } from './openapi.js';

export type Problem = components['schemas']['Problem'];
export type Violation = components['schemas']['Violation'];

/** The gateway could not be reached, or answered what a client cannot use. */
export class GatewayError extends Error {
  override readonly name: string = 'GatewayError';
}

/** An error answer: its status, type, title, detail, request id and every violation. */
export class GatewayProblem extends GatewayError {
  override readonly name = 'GatewayProblem';
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly requestId: string | undefined;
  readonly violations: readonly Violation[];

  constructor(status: number, body: Partial<Problem>) {
    super(describe(status, body));
    this.status = status;
    this.type = body.type ?? '';
    this.title = body.title ?? '';
    this.detail = body.detail ?? '';
    this.requestId = body.requestId;
    this.violations = body.violations ?? [];
  }
}

/** The scan's file could not be written; `reason` says why. */
export class ScanFailed extends GatewayError {
  override readonly name = 'ScanFailed';

  constructor(
    readonly scanId: string,
    readonly reason: string,
  ) {
    super(`scan ${scanId} failed: ${reason}`);
  }
}

/** The problem an error answer's body holds, whatever the body turned out to be. */
export function problemOf(status: number, body: unknown): GatewayProblem {
  if (typeof body === 'object' && body !== null) return new GatewayProblem(status, body);
  const detail = typeof body === 'string' ? body : '';
  return new GatewayProblem(status, { title: 'Error', detail });
}

function describe(status: number, body: Partial<Problem>): string {
  const lines = [`${status} ${body.title ?? 'Error'}: ${body.detail ?? ''}`];
  for (const violation of body.violations ?? [])
    lines.push(`  ${violation.path}: ${violation.message}`);
  if (body.requestId !== undefined) lines.push(`  (request id ${body.requestId})`);
  return lines.join('\n');
}
