import { CONFIG_ERROR_EXIT_CODE, ConfigError, loadConfig } from '#libs/config/src/index.js';
import { checkAnonymousExposure } from './anonymous-exposure.js';
import { createGatewayApp } from './bootstrap.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const warning = checkAnonymousExposure(config);
  if (warning !== undefined) process.stderr.write(`${warning}\n`);
  const app = await createGatewayApp(config);
  await app.listen(config.port, config.host);
  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  process.stdout.write(
    `Assonant Gateway listening: API ${base}/v1/scans  Swagger UI ${base}/docs\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `gateway failed to start: ${String(error)}\n`,
  );
  process.exit(error instanceof ConfigError ? CONFIG_ERROR_EXIT_CODE : 1);
});
