/** The OpenAPI document, built from the controllers and data classes. */
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Assonant Gateway')
    .setDescription(
      'Send what a beamline knows during an experiment (Assonant entries and device readings) ' +
        'and get a validated NeXus (HDF5) file per scan. Errors are application/problem+json ' +
        'naming every offending JSON path.',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'An API key (agk_…), when the service runs with API_KEYS_FILE.',
    })
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controller: string, method: string) => method,
  });
}
