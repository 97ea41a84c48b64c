/** A config for one test file: the suite's Redis, its own key prefix and data directory. */
import { randomBytes } from 'node:crypto';
import { loadConfig, type AppConfig } from '#libs/config/src/index.js';
import { tempDir } from '#libs/testing/src/temp-dir.js';

export async function testConfig(env: Record<string, string> = {}): Promise<AppConfig> {
  const redisUrl = env.REDIS_URL ?? process.env.REDIS_URL;
  if (redisUrl === undefined || redisUrl === '') {
    throw new Error('REDIS_URL is not set: run the tests with `npm test`, which starts a Redis');
  }
  return loadConfig({
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}`,
    DATA_ROOT: (await tempDir('data-')).dir,
    SPOOL_DIR: (await tempDir('spool-')).dir,
    ARRAY_SPOOL_DIR: (await tempDir('arrays-')).dir,
    LOG_LEVEL: 'silent',
    ...env,
  });
}
