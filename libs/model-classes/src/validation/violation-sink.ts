import { ROOT_PATH, type Violation } from '#libs/model/src/validation/violation.js';

/**
 * Default cap on listed violations. A body of a million bad keys must not
 * become a response of a million violations; real mistakes list a handful.
 */
export const DEFAULT_MAX_VIOLATIONS = 1000;

/** Collects violations up to a cap, then one `tooManyViolations` marker; `full` lets walkers stop early. */
export class ViolationSink {
  readonly violations: Violation[] = [];
  full = false;

  constructor(private readonly limit: number = DEFAULT_MAX_VIOLATIONS) {}

  add(path: string, rule: string, message: string): void {
    if (this.full) return;
    if (this.violations.length >= this.limit) {
      this.full = true;
      this.violations.push({
        path: ROOT_PATH,
        rule: 'tooManyViolations',
        message: `more than ${this.limit} violations; the rest are not listed`,
      });
      return;
    }
    this.violations.push({ path, rule, message });
  }
}
