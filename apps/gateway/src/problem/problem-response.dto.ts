/** The problem body as a Swagger schema: what every 4xx and 5xx answer carries. */
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { Violation } from '#libs/model/src/index.js';
import type { ProblemDetails } from './problem-details.js';

@ApiSchema({ name: 'Violation' })
export class ViolationResponse implements Violation {
  @ApiProperty({
    description: 'Dotted path of the offending value from the body root ("" for the root).',
    example: 'technique',
  })
  path!: string;

  @ApiProperty({ description: 'The rule it breaks.', example: 'isIn' })
  rule!: string;

  @ApiProperty({
    description: 'What is wrong and what to send instead.',
    example: 'technique must be one of … CT (computed tomography) …; did you mean "CT"?',
  })
  message!: string;
}

@ApiSchema({
  name: 'Problem',
  description:
    'RFC 9457 problem details: the body of every error answer (application/problem+json).',
})
export class ProblemResponse implements ProblemDetails {
  @ApiProperty({
    description: 'The kind of problem, one URN per gateway error code.',
    example: 'urn:assonant-gateway:problem:scan-not-found',
  })
  type!: string;

  @ApiProperty({ description: 'A short summary of the kind.', example: 'Scan not found' })
  title!: string;

  @ApiProperty({ description: 'The HTTP status, repeated.', example: 404 })
  status!: number;

  @ApiProperty({
    description: 'What happened to this request and what to change.',
    example: 'There is no scan mogno-0001.',
  })
  detail!: string;

  @ApiProperty({ description: 'The request path.', example: '/v1/scans/mogno-0001' })
  instance!: string;

  @ApiProperty({
    description: 'Quote it when reporting a problem: the log lines of the request carry it.',
    example: '0f8fad5b-d9cb-469f-a165-70867728950e',
  })
  requestId!: string;

  @ApiPropertyOptional({
    type: [ViolationResponse],
    description: 'Every rule the body or query broke, each with the path of the offending value.',
  })
  violations?: ViolationResponse[];
}
