/** A scan id in a path: anything that cannot be a scan id cannot name one, so 404. */
import { Injectable, type PipeTransform } from '@nestjs/common';
import { SAFE_NAME_PATTERN } from '#libs/model/src/index.js';
import { DomainError } from '../problem/domain-error.js';

@Injectable()
export class ScanIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!SAFE_NAME_PATTERN.test(value)) {
      throw new DomainError('scan_not_found', 'There is no scan with that id.');
    }
    return value;
  }
}
