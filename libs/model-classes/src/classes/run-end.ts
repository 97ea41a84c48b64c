import 'reflect-metadata';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { OptionalKey } from '../decorators/optional-key.js';
import { EXIT_STATUSES, type ExitStatus, type RunEndJson } from '#libs/model/src/request-json.js';

/** How a run ended (Bluesky's stop): a body of close, kept in the file and the status. */
export class RunEnd implements RunEndJson {
  @ApiProperty({ enum: EXIT_STATUSES, example: 'abort' })
  @IsIn(EXIT_STATUSES)
  exitStatus!: ExitStatus;

  @ApiPropertyOptional({ example: 'the user pressed Ctrl-C', maxLength: 1000 })
  @OptionalKey()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
