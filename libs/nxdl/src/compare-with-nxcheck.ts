/**
 * Agreement check between this validator and an independent referee
 * (nxcheck.py): per file, the error findings must be the same (path, code)
 * pairs with the same count.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { validateNexusFile } from './validate.js';

const run = promisify(execFile);

export interface Comparison {
  file: string;
  agree: boolean;
  /** Error counts: ours and the referee's. */
  ours: number;
  theirs: number;
  /** `path code` pairs only we report (with multiplicity). */
  onlyOurs: string[];
  /** `path code` pairs only the referee reports (with multiplicity). */
  onlyTheirs: string[];
}

interface RefereeIssue {
  severity: string;
  path: string;
  code: string;
}

export interface CompareOptions {
  /** Path of nxcheck.py. */
  nxcheck: string;
  /** Python interpreter with h5py. Default `/usr/bin/python3`. */
  python?: string;
}

async function refereeErrors(
  file: string,
  { nxcheck, python = '/usr/bin/python3' }: CompareOptions,
): Promise<string[]> {
  let stdout: string;
  try {
    ({ stdout } = await run(python, [nxcheck, file, '--json'], { maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    // Exit status 1 only means "errors found"; the JSON is still on stdout.
    const out = (error as { stdout?: unknown; code?: unknown }).stdout;
    if ((error as { code?: unknown }).code !== 1 || typeof out !== 'string') throw error;
    stdout = out;
  }
  const report = JSON.parse(stdout) as { issues: RefereeIssue[] };
  return report.issues.filter((i) => i.severity === 'ERROR').map((i) => `${i.path} ${i.code}`);
}

/** Items of `a` not matched one-to-one in `b`. */
function difference(a: string[], b: string[]): string[] {
  const rest = [...b];
  return a.filter((x) => {
    const at = rest.indexOf(x);
    if (at < 0) return true;
    rest.splice(at, 1);
    return false;
  });
}

export async function compareWithNxcheck(
  file: string,
  options: CompareOptions,
): Promise<Comparison> {
  const report = await validateNexusFile(file);
  const ours = report.findings
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.path} ${f.code}`);
  const theirs = await refereeErrors(file, options);
  const onlyOurs = difference(ours, theirs);
  const onlyTheirs = difference(theirs, ours);
  return {
    file,
    agree: onlyOurs.length === 0 && onlyTheirs.length === 0,
    ours: ours.length,
    theirs: theirs.length,
    onlyOurs,
    onlyTheirs,
  };
}
