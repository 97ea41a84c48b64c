/**
 * The second look at an event body the data model refused: read as
 * Assonant's wire form with the scan's pinned schema (classes, units,
 * timestamps that Assonant's sender drops). A body the schema makes whole
 * is accepted; otherwise the 422 names what the schema could not resolve,
 * and what else is wrong. The full form never comes here: it is valid as sent.
 */
import { Injectable } from '@nestjs/common';
import { ScanIngest } from '#libs/ingest/src/index.js';
import type { Violation } from '#libs/model/src/index.js';
import { DeviceEventRequest, Entry, validateBody } from '#libs/model-classes/src/index.js';
import { DomainError } from '../problem/domain-error.js';

@Injectable()
export class WireFormService {
  constructor(private readonly ingest: ScanIngest) {}

  async resolve(scanId: string, kind: 'entry' | 'device', body: unknown): Promise<unknown> {
    const outcome = await this.ingest.resolveWireForm(scanId, kind, body);
    if (outcome.kind === 'unknown') {
      throw new DomainError('scan_not_found', `There is no scan ${scanId}.`);
    }
    const { problems, value } = outcome.resolution;
    const validated =
      kind === 'entry' ? validateBody(Entry, value) : validateBody(DeviceEventRequest, value);
    if (problems.length === 0 && validated.ok) return validated.value;
    const unresolved = new Set(problems.map((problem) => `${problem.path}.class`));
    const violations: Violation[] = [
      ...problems.map((problem) => ({
        path: `${problem.path}.class`,
        rule: 'inBeamlineSchema',
        message: `${problem.path}: ${problem.message}`,
      })),
      // The class the schema could not give is reported once, above.
      ...(validated.ok ? [] : validated.violations).filter(
        (violation) => !unresolved.has(violation.path),
      ),
    ];
    throw new DomainError(
      'validation_failed',
      `The request body breaks ${violations.length} rule(s); see violations.`,
      violations,
    );
  }
}
