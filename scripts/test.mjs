#!/usr/bin/env node
// `npm test`: set up a fresh clone (with the HDF5 readers the tests use), then
// lint and run every test against a private Redis (see scripts/run-tests.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from './setup.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
setup({ forTests: true });
const tests = spawn(
  process.execPath,
  [path.join(root, 'dist/scripts/run-tests.js'), ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => tests.kill(signal));
tests.on('exit', (code) => process.exit(code ?? 1));
