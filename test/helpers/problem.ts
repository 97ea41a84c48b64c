/** Assertions on the API's one error shape. */
import assert from 'node:assert/strict';
import type { Response } from 'supertest';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  violations?: { path: string; rule: string; message: string }[];
}

export function assertProblem(response: Response, status: number): ProblemBody {
  assert.equal(response.status, status, JSON.stringify(response.body));
  assert.match(String(response.headers['content-type']), /^application\/problem\+json\b/);
  const problem = response.body as ProblemBody;
  assert.equal(problem.status, status);
  assert.ok(problem.title.length > 0 && problem.detail.length > 0);
  assert.equal(problem.requestId, response.headers['x-request-id']);
  return problem;
}
