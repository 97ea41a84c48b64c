#!/usr/bin/env node
// Makes a fresh clone runnable: npm dependencies, the Debian packages the
// service (and, with --for-tests, the test suite) needs, and the build.
// Plain Node with no dependencies, because it runs before `npm ci`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What the service needs from Debian, and how to tell it is there. */
const SERVICE_PACKAGES = [{ deb: 'redis-server', present: () => onPath('redis-server') }];
/** The HDF5 reader the README's tutorial opens its file with; the service runs without it. */
const H5PY = {
  deb: 'python3-h5py',
  present: () => succeeds('/usr/bin/python3', ['-c', 'import h5py']),
};
/**
 * What the tests need besides: HDF5 readers that are not ours, pip with
 * setuptools (to install the Python client as a user would), promtool, and
 * chromium for the web catalog's browser test.
 */
/** Where Debian's HDF5 filter plugins go, and h5py looks for them. */
const HDF5_PLUGINS = '/usr/lib/x86_64-linux-gnu/hdf5/serial/plugins';

const TEST_PACKAGES = [
  H5PY,
  { deb: 'hdf5-tools', present: () => onPath('h5dump') },
  {
    deb: 'python3-pip',
    present: () => succeeds('/usr/bin/python3', ['-c', 'import setuptools, pip']),
  },
  // promtool checks the Prometheus config kept for docker-compose.
  { deb: 'prometheus', present: () => onPath('promtool') },
  // The web catalog is tested in a real browser, driven by playwright-core.
  { deb: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  // h5py reads back the compressed datasets: LZ4 and bitshuffle+LZ4 through
  // Debian's filter plugins; a Zstd chunk is checked with the zstd tool.
  {
    deb: 'python3-hdf5plugin',
    present: () => succeeds('/usr/bin/python3', ['-c', 'import hdf5plugin']),
  },
  { deb: 'hdf5-filter-plugin', present: () => existsSync(`${HDF5_PLUGINS}/libh5lz4.so`) },
  { deb: 'bitshuffle', present: () => existsSync(`${HDF5_PLUGINS}/libh5bshuf.so`) },
  { deb: 'zstd', present: () => onPath('zstd') },
];

function log(message) {
  process.stdout.write(`[setup] ${message}\n`);
}

function onPath(binary) {
  return succeeds('sh', ['-c', `command -v ${binary}`]);
}

function succeeds(command, args) {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

function run(command, args) {
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}

function ensureNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) {
    process.stderr.write(`Node ${process.versions.node} is too old: install Node 20 or newer.\n`);
    process.exit(1);
  }
}

function ensureNpmDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing npm dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/**
 * Installs what is missing, as root. Otherwise a missing `required` package
 * stops setup with the line to run, and a missing `wanted` one is only named.
 */
function ensureDebianPackages(required, wanted = []) {
  const missing = required.filter((pkg) => !pkg.present()).map((pkg) => pkg.deb);
  const unwanted = wanted.filter((pkg) => !pkg.present()).map((pkg) => pkg.deb);
  if (missing.length + unwanted.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) {
    if (missing.length === 0) {
      log(
        `not installed: ${unwanted.join(' ')} (to open files as the README does: sudo apt-get install -y ${unwanted.join(' ')})`,
      );
      return;
    }
    process.stderr.write(
      `Missing system packages: ${missing.join(' ')}\n` +
        `Install them, then run this command again:\n  sudo apt-get install -y ${missing.join(' ')}\n`,
    );
    process.exit(1);
  }
  const install = [...missing, ...unwanted];
  log(`installing ${install.join(' ')} with apt-get`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...install]);
}

function build() {
  log('building (tsc, and the web catalog with esbuild)');
  run(process.execPath, [
    path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    'tsconfig.build.json',
  ]);
  // esbuild bundles without checking types: tsc checks the catalog's first.
  run(process.execPath, [
    path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    'apps/ui/tsconfig.json',
  ]);
  run(process.execPath, [path.join(root, 'scripts', 'build-ui.mjs')]);
}

export function setup({ forTests = false, buildOnly = false } = {}) {
  ensureNode();
  ensureNpmDependencies();
  if (!buildOnly) {
    if (forTests) ensureDebianPackages([...SERVICE_PACKAGES, ...TEST_PACKAGES]);
    else ensureDebianPackages(SERVICE_PACKAGES, [H5PY]);
  }
  build();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  setup({
    forTests: process.argv.includes('--for-tests'),
    buildOnly: process.argv.includes('--build-only'),
  });
}
