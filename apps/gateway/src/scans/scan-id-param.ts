/** The `{scanId}` of a path, as Swagger shows it: its rule and an example to try. */
import { ApiParam } from '@nestjs/swagger';
import { SAFE_NAME_PATTERN } from '#libs/model/src/index.js';

export const ApiScanIdParam = (): MethodDecorator =>
  ApiParam({
    name: 'scanId',
    description: 'The scanId given at open (or generated then).',
    schema: { type: 'string', pattern: SAFE_NAME_PATTERN.source, example: 'mogno-0001' },
  });
