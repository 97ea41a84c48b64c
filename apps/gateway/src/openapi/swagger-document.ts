/** The OpenAPI document, built from the controllers and data classes. */
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject } from '@nestjs/swagger';
import { ProblemResponse } from '../problem/problem-response.dto.js';
import { problemResponseObject } from './api-problem.js';

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
    extraModels: [ProblemResponse],
  });
  offerKeyHeaderWhereBearerIsAsked(document);
  documentUnexpectedErrors(document);
  return document;
}

const API_KEY_HEADER_SCHEME = 'api-key';

/** Any operation can meet a bug: its 500 is a problem too, with the request id to quote. */
function documentUnexpectedErrors(document: OpenAPIObject): void {
  const internal = problemResponseObject(
    500,
    'An unexpected error; the log has it under the request id.',
    {
      code: 'internal_error',
      detail:
        'Unexpected error; quote request id 0f8fad5b-d9cb-469f-a165-70867728950e when reporting it.',
      instance: '/v1/scans/mogno-0001/close',
    },
  );
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem) as OperationObject[]) {
      operation.responses['500'] ??= internal;
    }
  }
}

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
