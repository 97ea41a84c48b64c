import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, ValidateIf } from 'class-validator';
import { IsLinkName } from '#libs/model-classes/src/rules/value-rules.js';
import {
  problemConstraint,
  ruleDecorator,
} from '#libs/model-classes/src/rules/problem-constraint.js';
import { COMPRESSION_NAMES, parseCompression } from '#libs/nexus/src/compression.js';

const IsCompression = ruleDecorator(
  problemConstraint('isCompression', (value) => {
    if (typeof value !== 'string') return 'must be a string';
    const parsed = parseCompression(value);
    return 'problem' in parsed ? parsed.problem : undefined;
  }),
);

export class ArrayUploadQuery {
  @ApiPropertyOptional({
    description:
      'A frame stream this array is one frame of (with `index`): the file holds the stream as ' +
      'one [n, …frame] dataset in index order. Name it in a field as {"stream": "<name>"}.',
    example: 'pco_frames',
  })
  @IsOptional()
  @IsLinkName()
  stream?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: "The frame's index in its stream, from 0 (with `stream`).",
    example: 17,
  })
  @ValidateIf((query: ArrayUploadQuery) => query.index !== undefined || query.stream !== undefined)
  @Matches(/^(?:0|[1-9]\d{0,9})$/, {
    message: 'index must be a whole number from 0 (a frame of a stream needs one)',
  })
  index?: string;

  @ApiPropertyOptional({
    description: `How to compress it in the file, instead of the beamline's choice: ${COMPRESSION_NAMES.join(', ')}; gzip and zstd take a level (gzip:6, zstd:9). A stream keeps its first frame's choice.`,
    example: 'bslz4',
  })
  @IsOptional()
  @IsCompression()
  compression?: string;
}
