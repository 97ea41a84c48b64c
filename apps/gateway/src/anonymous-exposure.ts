/**
 * Without API keys, whoever reaches the port may write and read every
 * beamline's scans. That is right for the embedded single-user default on
 * loopback, and wrong by accident anywhere else: such a gateway refuses to
 * start unless ALLOW_ANONYMOUS=true says it is meant, and then warns.
 */
import { BlockList, isIP } from 'node:net';
import { ConfigError, type AppConfig } from '#libs/config/src/index.js';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  const family = isIP(host);
  if (family === 0) return false;
  return LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/** The warning to log, if any; throws when the gateway must not start. */
export function checkAnonymousExposure(config: AppConfig): string | undefined {
  if (config.apiKeysFile !== undefined || isLoopback(config.host)) return undefined;
  if (!config.allowAnonymous) {
    throw new ConfigError([
      `HOST=${config.host} without API_KEYS_FILE would let anyone who reaches port ${config.port} ` +
        'write and read every scan. Set API_KEYS_FILE (npm run api-key makes keys), bind ' +
        'HOST=127.0.0.1, or set ALLOW_ANONYMOUS=true if an open gateway is what you want.',
    ]);
  }
  return (
    `warning: API keys are off and the gateway listens on ${config.host}: ` +
    'anyone who reaches it may write and read every scan (ALLOW_ANONYMOUS=true).'
  );
}
