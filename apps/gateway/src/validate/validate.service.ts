/**
 * Validation of an uploaded file: spool it, have a validator process read it,
 * and turn the outcome into a report or a problem. The spooled file is
 * removed by the request's hooks (see http/hdf5-upload-parser.ts), not here.
 */
import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '#libs/config/src/index.js';
import type { ValidationReport } from '#libs/nxdl/src/index.js';
import {
  ValidatorPool,
  type FailureReason,
  type PoolOutcome,
} from '#libs/validator-pool/src/index.js';
import type { Hdf5Upload } from '../http/hdf5-upload.js';
import { DomainError } from '../problem/domain-error.js';
import { hasHdf5Signature } from './hdf5-signature.js';
import { APP_CONFIG } from '../redis/tokens.js';

@Injectable()
export class ValidateService implements BeforeApplicationShutdown {
  private readonly pool: ValidatorPool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const logger = new Logger('Validator');
    this.pool = new ValidatorPool({
      processes: config.validateProcesses,
      timeoutMs: config.validateTimeoutMs,
      memoryMb: config.validateMemoryMb,
      log: (line) => logger.warn(line),
    });
  }

  async validate(upload: Hdf5Upload, definition: string | undefined): Promise<ValidationReport> {
    const file = await upload.toFile();
    const request = { file, externalLinks: 'never' as const };
    const outcome = await this.pool.validate(
      definition === undefined ? request : { ...request, app: definition },
      upload.signal,
    );
    if (outcome.kind === 'unreadable') throw await unreadable(file, outcome.message);
    return reportOf(outcome);
  }

  /** Before the server closes, so that requests still validating are answered (503) and not held. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}

/** Says what is wrong with the file in the sender's terms; the library's words stay in the log. */
async function unreadable(file: string, message: string): Promise<DomainError> {
  if (!(await hasHdf5Signature(file))) {
    return new DomainError(
      'unreadable_file',
      'The upload is not an HDF5 file (it does not start with the HDF5 signature). ' +
        'Send the .nxs/.h5 file itself as the body: curl --data-binary @scan.nxs.',
    );
  }
  // The first line says what failed; file system paths (the spool's, the library's build) are no one's business.
  const reason = (message.split('\n')[0] ?? '').replace(/\/[^\s:)]+/g, '…');
  return new DomainError(
    'unreadable_file',
    `The upload looks like HDF5 but cannot be opened (${reason}); it may be truncated or still being written.`,
  );
}

/** What the sender, or the gateway's operator, can do about each way a validation fails. */
const FAILURE_ADVICE: Record<FailureReason, string> = {
  timeout: ' Validate a smaller file, or raise VALIDATE_TIMEOUT_MS on the gateway.',
  memory: ' Validate a smaller file, or raise VALIDATE_MEMORY_MB on the gateway.',
  crashed: ' The file may be damaged; quote the request id when reporting it.',
  aborted: '',
};

/** The report, or the problem of every other outcome but `unreadable` (see `unreadable`). */
function reportOf(outcome: Exclude<PoolOutcome, { kind: 'unreadable' }>): ValidationReport {
  switch (outcome.kind) {
    case 'report':
      return outcome.report;
    case 'failed':
      throw new DomainError(
        'file_not_validated',
        `The file could not be validated: ${outcome.message}.${FAILURE_ADVICE[outcome.reason]}`,
      );
    case 'busy':
      throw new DomainError('validator_busy', 'Every validator is busy; retry after a moment.');
    case 'closed':
      throw new DomainError('validator_unavailable', 'The gateway is shutting down; retry later.');
  }
}
