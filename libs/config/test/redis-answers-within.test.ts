/**
 * A health check on the worker's connection, which waits for Redis forever,
 * answers within its deadline: true while Redis answers, false once it is away.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EmbeddedRedis, freePort } from '#libs/embedded-redis/src/embedded-redis.js';
import { tempDir } from '#libs/testing/src/temp-dir.js';
import { createConsumerRedis, loadConfig, redisAnswersWithin } from '../src/index.js';

describe('redisAnswersWithin', () => {
  it('says up, then down within its deadline once Redis is gone', { timeout: 30_000 }, async () => {
    const redis = await EmbeddedRedis.start({
      dir: (await tempDir('answers-within-')).dir,
      port: await freePort(),
    });
    const connection = createConsumerRedis(loadConfig({ REDIS_URL: redis.url }));
    try {
      assert.equal(await redisAnswersWithin(connection, 1000), true);
      await redis.stop();
      // Without the deadline this PING would wait until the test's timeout.
      assert.equal(await redisAnswersWithin(connection, 300), false);
    } finally {
      connection.disconnect();
      await redis.stop();
    }
  });
});
