import { Body, Controller, Get, Headers, Param, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  EXAMPLE_MOGNO_SCHEMA_CSV,
  readSchemaCsv,
  writeSchemaCsv,
  type SchemaVersion,
} from '#libs/beamline-schema/src/index.js';
import { SchemaAccess } from '../auth/access.decorator.js';
import { authenticatedKey } from '../auth/authenticate-on-request.js';
import { ApiProblem } from '../openapi/api-problem.js';
import { ApiScopeProblems, ApiStoreProblems } from '../openapi/common-problems.js';
import { CSV_TYPE } from './schema-body-parser.js';
import { notABeamline, SchemasService } from './schemas.service.js';
import {
  SCHEMA_COLUMN_LIST,
  SchemaResponse,
  SchemaRowBody,
  SchemaVersionResponse,
} from './dto/schema.dto.js';
import { SchemaQuery } from './dto/schema.query.js';

const SCHEMA = '/v1/beamlines/MOGNO/schema';

const BEAMLINE_PARAM = ApiParam({
  name: 'beamline',
  example: 'MOGNO',
  description: 'The beamline, in any case (MOGNO and mogno are one).',
});

const NOT_A_BEAMLINE = ApiProblem(400, 'The path names no beamline that can exist.', {
  code: 'bad_request',
  detail: notABeamline('MOGNO!').detail,
  instance: '/v1/beamlines/MOGNO!/schema',
});

const exampleRows = (): unknown[] => {
  const read = readSchemaCsv(new TextEncoder().encode(EXAMPLE_MOGNO_SCHEMA_CSV));
  return read.ok ? read.rows.map((row) => row.cells) : [];
};

const EXAMPLE_VERSION: SchemaVersion = {
  beamline: 'MOGNO',
  version: 1,
  sha256: '5c1e0d6f3f1b0e9d8a0c7b6a5f4e3d2c1b0a99887766554433221100ffeeddcc',
  createdAt: '2026-12-03T09:00:00.000Z',
  createdBy: 'mogno-schema',
  format: 'csv',
  rows: 36,
  title: 'MOGNO beamline metadata schema',
};

@ApiTags('beamlines')
@ApiBearerAuth()
@ApiStoreProblems()
@ApiExtraModels(SchemaRowBody)
@Controller('v1/beamlines/:beamline/schema')
export class SchemasController {
  constructor(private readonly schemas: SchemasService) {}

  @SchemaAccess('write')
  @Put()
  @ApiOperation({
    summary: 'Upload the beamline’s schema (Assonant’s metadata.csv): a new version',
    description:
      'The CSV as Assonant reads it: line 1 free (a title), the header on line 2 with the columns ' +
      `${SCHEMA_COLUMN_LIST}, one row per field or position. Or the same rows as a JSON array. ` +
      'Names and Subcomponent of are lower-cased, spaces are removed from Class, Beamline rows are ' +
      'the beamline itself. Every problem is named by line (CSV) or item (JSON) and column; a ' +
      'schema with any problem stores nothing. Scans opened after the upload read their events ' +
      'with it; open scans keep the version they pinned.',
    requestBody: {
      required: true,
      content: {
        [CSV_TYPE]: {
          schema: { type: 'string' },
          examples: { mogno: { summary: 'MOGNO', value: EXAMPLE_MOGNO_SCHEMA_CSV } },
        },
        'application/json': {
          schema: { type: 'array', items: { $ref: getSchemaPath(SchemaRowBody) } },
          examples: { mogno: { summary: 'MOGNO, as JSON rows', value: exampleRows() } },
        },
      },
    },
  })
  @BEAMLINE_PARAM
  @NOT_A_BEAMLINE
  @ApiCreatedResponse({
    type: SchemaVersionResponse,
    description: 'Stored as a new version, now current; Location names it.',
    example: EXAMPLE_VERSION,
  })
  @ApiProblem(422, 'The schema has problems; the violations name each line (or item) and column.', {
    code: 'invalid_schema',
    detail:
      'The schema of MOGNO has 1 problem(s); nothing was stored and the current version stays in ' +
      'force. line 7, column Class: unknown class "Monocromator"; did you mean "Monochromator"?',
    instance: SCHEMA,
    violations: [
      {
        path: 'line 7, column Class',
        rule: 'schema',
        message: 'unknown class "Monocromator"; did you mean "Monochromator"?',
      },
    ],
  })
  @ApiProblem(413, 'The schema is larger than SCHEMA_LIMIT_BYTES.', {
    code: 'body_too_large',
    detail:
      'The schema is larger than the limit of 4194304 bytes; nothing was stored and the current ' +
      'version stays in force. Check that the file is the beamline’s metadata.csv, or raise ' +
      'SCHEMA_LIMIT_BYTES on the gateway.',
    instance: SCHEMA,
  })
  @ApiProblem(415, 'The body is neither text/csv nor application/json.', {
    code: 'unsupported_media_type',
    detail:
      'Send the schema as CSV (Content-Type text/csv) or as JSON rows (application/json); this request has Content-Type text/plain.',
    instance: SCHEMA,
  })
  @ApiScopeProblems('The key has neither beamline:<NAME>:schema nor admin.')
  async putSchema(
    @Param('beamline') beamline: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SchemaVersionResponse> {
    const format = contentType?.toLowerCase().startsWith(CSV_TYPE) === true ? 'csv' : 'json';
    const createdBy = authenticatedKey(request)?.id ?? 'anonymous';
    const version = await this.schemas.put(beamline, body, format, createdBy);
    void reply
      .status(201)
      .header('location', `/v1/beamlines/${version.beamline}/schema?version=${version.version}`);
    return version;
  }

  @SchemaAccess('read')
  @Get()
  @ApiOperation({
    summary: 'The beamline’s schema (current, or ?version=N) and its versions',
    description: 'JSON by default; `?format=csv` or `Accept: text/csv` answers the CSV.',
  })
  @BEAMLINE_PARAM
  @ApiProduces('application/json', CSV_TYPE)
  @ApiOkResponse({ type: SchemaResponse })
  @ApiProblem(
    400,
    'A query parameter breaks its rule, or the path names no beamline that can exist.',
    {
      code: 'invalid_query',
      detail: 'The query string breaks 1 rule(s): version must be a whole number from 1',
      instance: `${SCHEMA}?version=0`,
      violations: [
        { path: 'version', rule: 'matches', message: 'version must be a whole number from 1' },
      ],
    },
    {
      code: 'bad_request',
      detail: notABeamline('MOGNO!').detail,
      instance: '/v1/beamlines/MOGNO!/schema',
    },
  )
  @ApiProblem(404, 'The beamline has no schema, or not that version.', {
    code: 'schema_not_found',
    detail:
      'Beamline MOGNO has no schema yet; upload its metadata.csv with PUT /v1/beamlines/MOGNO/schema.',
    instance: SCHEMA,
  })
  @ApiScopeProblems('The key may read neither every beamline nor this one.')
  async getSchema(
    @Param('beamline') beamline: string,
    @Query() query: SchemaQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SchemaResponse | string> {
    const schema = await this.schemas.get(
      beamline,
      query.version === undefined ? undefined : Number(query.version),
    );
    const wantsCsv =
      query.format === 'csv' ||
      (query.format === undefined && accept?.toLowerCase().includes(CSV_TYPE) === true);
    if (wantsCsv) {
      const { version } = schema;
      void reply
        .header('content-type', `${CSV_TYPE}; charset=utf-8`)
        .header(
          'content-disposition',
          `inline; filename="${version.beamline.toLowerCase()}-metadata-v${version.version}.csv"`,
        );
      return writeSchemaCsv(
        version.title ?? `${version.beamline} beamline metadata schema, version ${version.version}`,
        schema.rows.map((row) => row.cells),
      );
    }
    return {
      version: schema.version,
      rows: schema.rows.map((row) => row.cells),
      versions: await this.schemas.versions(beamline),
    };
  }
}
