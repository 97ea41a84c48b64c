/**
 * node dist/libs/nxdl/src/cli-compare.js NXCHECK_PY FILE_OR_DIR...
 *
 * Compares this validator's errors with nxcheck.py's on every .nxs/.h5 file
 * given (directories are searched recursively); exits 1 on any disagreement.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareWithNxcheck } from './compare-with-nxcheck.js';

const NEXUS_FILE = /\.(nxs|h5|hdf5|nx5)$/i;

async function expand(target: string): Promise<string[]> {
  if (!(await stat(target)).isDirectory()) return [target];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && NEXUS_FILE.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

async function main(argv: string[]): Promise<number> {
  const [nxcheck, ...targets] = argv;
  if (nxcheck === undefined || targets.length === 0) {
    process.stderr.write('usage: cli-compare.js NXCHECK_PY FILE_OR_DIR...\n');
    return 2;
  }
  const files = (await Promise.all(targets.map(expand))).flat();
  if (files.length === 0) {
    process.stderr.write(`no .nxs or .h5 file under ${targets.join(' ')}: nothing was compared\n`);
    return 1;
  }
  let disagreements = 0;
  for (const file of files) {
    const c = await compareWithNxcheck(file, { nxcheck });
    if (c.agree) {
      process.stdout.write(`agree    ${file} (${c.ours} errors)\n`);
      continue;
    }
    disagreements++;
    process.stdout.write(`DISAGREE ${file} (ours ${c.ours}, nxcheck ${c.theirs})\n`);
    for (const x of c.onlyOurs) process.stdout.write(`  only ours:    ${x}\n`);
    for (const x of c.onlyTheirs) process.stdout.write(`  only nxcheck: ${x}\n`);
  }
  process.stdout.write(`${files.length} files, ${disagreements} disagreements\n`);
  return disagreements === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
