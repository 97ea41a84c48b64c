import { fileURLToPath } from 'node:url';

/** The source folder of this lib, also when the tests run compiled from dist/. */
export const TESTING_SOURCE = fileURLToPath(
  new URL('../../../../libs/testing/src/', import.meta.url),
);

/** The project's root folder. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
