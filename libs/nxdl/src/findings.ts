/** The validation report and the collector that builds it. */
import type { Finding, Origin, Severity, ValidationReport } from '#libs/model/src/scan/index.js';
import { MAX_FINDINGS, truncated } from './limits.js';

/**
 * Collects findings; `final()` drops repeats, warnings already reported as
 * errors, and base-class findings on an aspect that the application
 * definition decides (it overrides the base class there).
 */
export class Findings {
  list: Finding[] = [];
  /** `path\0code` aspects an application definition states. */
  governed = new Set<string>();

  report(
    severity: Severity,
    path: string,
    code: string,
    message: string,
    nxdl: string | null = null,
    base = false,
  ): void {
    const origin: Origin = base ? 'base_class' : nxdl !== null ? 'application' : 'nexus_rule';
    // Paths and messages quote the file, which may hold anything, of any length.
    this.list.push({
      severity,
      path: truncated(path),
      code,
      message: truncated(message),
      nxdl,
      origin,
    });
  }

  error(path: string, code: string, message: string, nxdl: string | null = null): void {
    this.report('error', path, code, message, nxdl);
  }

  warn(path: string, code: string, message: string, nxdl: string | null = null): void {
    this.report('warning', path, code, message, nxdl);
  }

  govern(path: string, codes: readonly string[]): void {
    for (const code of codes) this.governed.add(`${path}\u0000${code}`);
  }

  /** Every finding that stands, and the report's share of them (errors first). */
  summary(): Pick<ValidationReport, 'errors' | 'warnings' | 'findings' | 'droppedFindings'> {
    const all = this.final();
    const errors = all.filter((f) => f.severity === 'error');
    const warnings = all.filter((f) => f.severity === 'warning');
    const kept = new Set([...errors, ...warnings].slice(0, MAX_FINDINGS));
    return {
      errors: errors.length,
      warnings: warnings.length,
      findings: all.filter((f) => kept.has(f)),
      droppedFindings: all.length - kept.size,
    };
  }

  final(): Finding[] {
    const key = (f: Finding): string => `${f.path}\u0000${f.code}`;
    const errorKeys = new Set(this.list.filter((f) => f.severity === 'error').map(key));
    const seen = new Set<string>();
    const out: Finding[] = [];
    for (const f of this.list) {
      const k = `${f.severity}\u0000${key(f)}\u0000${f.message}`;
      if (seen.has(k)) continue;
      if (f.severity === 'warning' && errorKeys.has(key(f))) continue;
      if (f.origin === 'base_class' && this.governed.has(key(f))) continue;
      seen.add(k);
      out.push(f);
    }
    return out;
  }
}
