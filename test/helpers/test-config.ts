/** A config for one test file: the suite's Redis, its own key prefix and data directory. */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type AppConfig } from '#libs/config/src/index.js';

export async function testConfig(env: Record<string, string> = {}): Promise<AppConfig> {
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl === undefined || redisUrl === '') {
    throw new Error('REDIS_URL is not set: run the tests with `npm test`, which starts a Redis');
  }
  return loadConfig({
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}`,
    DATA_ROOT: await mkdtemp(path.join(await keptFilesDir(), 'data-')),
    LOG_LEVEL: 'silent',
    ...env,
  });
}

/**
 * Where test files go: a temporary directory, or ASSONANT_TEST_KEEP_FILES when
 * set (CI keeps them there for the independent NeXus referee).
 */
async function keptFilesDir(): Promise<string> {
  const keep = process.env.ASSONANT_TEST_KEEP_FILES;
  if (keep === undefined || keep === '') return os.tmpdir();
  await mkdir(keep, { recursive: true });
  return keep;
}
