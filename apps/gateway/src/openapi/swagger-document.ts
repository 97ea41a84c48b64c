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
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-API-Key',
        description: 'The same API key, for clients that cannot set Authorization.',
      },
      API_KEY_HEADER_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controller: string, method: string) => method,
  });
  offerKeyHeaderWhereBearerIsAsked(document);
  return document;
}

const API_KEY_HEADER_SCHEME = 'api-key';

/** Every operation that takes a bearer key takes it in X-API-Key too (either one). */
function offerKeyHeaderWhereBearerIsAsked(document: OpenAPIObject): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem) as { security?: object[] }[]) {
      const security = operation.security;
      if (!Array.isArray(security) || !security.some((entry) => 'bearer' in entry)) continue;
      security.push({ [API_KEY_HEADER_SCHEME]: [] });
    }
  }
}
