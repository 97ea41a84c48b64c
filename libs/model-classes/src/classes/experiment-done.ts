import 'reflect-metadata';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches } from 'class-validator';
import type { ExperimentDoneJson } from '#libs/model/src/assonant-json.js';
import { SAFE_NAME_PATTERN } from '#libs/model/src/rules/identifiers.js';

/** Assonant's signal that an experiment's file is complete. */
export class ExperimentDone implements ExperimentDoneJson {
  @ApiProperty({ pattern: SAFE_NAME_PATTERN.source, example: 'MOGNO' })
  @Matches(SAFE_NAME_PATTERN, {
    message:
      'beamline must be 1 to 64 letters, digits, "_" or "-", starting with a letter or digit',
  })
  beamline!: string;

  @ApiProperty({
    description: 'Path of the finished file.',
    example: '/ibira/lnls/beamlines/mogno/proposals/20240123/data/rock_core_A3/mogno_tomo_0001.nxs',
  })
  @IsString()
  @IsNotEmpty()
  filepath!: string;
}
