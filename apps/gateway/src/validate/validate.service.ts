/**
 * Validation of an uploaded file: spool it, have a validator process read it,
 * and turn the outcome into a report or a problem. The spooled file is
 * removed by the request's hooks (see http/hdf5-upload-parser.ts), not here.
 */
import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '#libs/config/src/index.js';
import type { ValidationReport } from '#libs/nxdl/src/index.js';
import { ValidatorPool, type PoolOutcome } from '#libs/validator-pool/src/index.js';
import type { Hdf5Upload } from '../http/hdf5-upload.js';
import { DomainError } from '../problem/domain-error.js';
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
    return reportOf(outcome);
  }

  /** Before the server closes, so that requests still validating are answered (503) and not held. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}

function reportOf(outcome: PoolOutcome): ValidationReport {
  switch (outcome.kind) {
    case 'report':
      return outcome.report;
    case 'unreadable':
      throw new DomainError(
        'unreadable_file',
        `The upload cannot be read as NeXus: ${outcome.message}`,
      );
    case 'failed':
      throw new DomainError(
        'file_not_validated',
        `file could not be validated: ${outcome.message}`,
      );
    case 'busy':
      throw new DomainError('validator_busy', 'Every validator is busy; retry after a moment.');
    case 'closed':
      throw new DomainError('validator_unavailable', 'The gateway is shutting down; retry later.');
  }
}
