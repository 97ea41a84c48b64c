import { fileURLToPath } from 'node:url';

/** The source folder of these tests, also when they run compiled from dist/. */
export const TEST_SOURCE = fileURLToPath(
  new URL('../../../../../libs/nexus/test/', import.meta.url),
);
