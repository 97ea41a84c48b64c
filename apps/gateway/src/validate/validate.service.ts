/** Validation of an uploaded file, in a thread, removing the upload afterwards. */
import { Injectable } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import type { ValidationReport } from '#libs/nxdl/src/index.js';
import { runInThread } from '#libs/threads/src/run-in-thread.js';
import type { UploadedFile } from '../http/hdf5-upload-parser.js';
import { DomainError } from '../problem/domain-error.js';
import type { ValidateOutcome, ValidateRequest } from './validate-thread.js';

const THREAD_URL = new URL('./validate-thread.js', import.meta.url);

@Injectable()
export class ValidateService {
  async validate(upload: UploadedFile, definition: string | undefined): Promise<ValidationReport> {
    try {
      const request: ValidateRequest = { file: upload.file };
      if (definition !== undefined) request.app = definition;
      const outcome = await runInThread<ValidateRequest, ValidateOutcome>(THREAD_URL, request);
      if (!outcome.ok) {
        throw new DomainError(
          'unreadable_file',
          `The upload cannot be read as NeXus: ${outcome.message}`,
        );
      }
      return outcome.report;
    } finally {
      await rm(upload.file, { force: true });
    }
  }
}
