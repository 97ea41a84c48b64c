/** A scan id in a path: anything that cannot be a scan id cannot name one, so 404. */
import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../problem/domain-error.js';

export const SCAN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

@Injectable()
export class ScanIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!SCAN_ID_PATTERN.test(value)) {
      throw new DomainError('scan_not_found', 'There is no scan with that id.');
    }
    return value;
  }
}
