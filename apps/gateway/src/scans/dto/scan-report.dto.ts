import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCAN_STATUSES, type ScanReport, type ScanStatus } from '#libs/model/src/scan/index.js';
import {
  CompletenessReportResponse,
  EventCounts,
  ScanValidationResponse,
} from './scan-status.dto.js';

export class ScanReportResponse implements ScanReport {
  @ApiProperty({ example: 'mogno-0001' }) scanId!: string;
  @ApiProperty({ enum: SCAN_STATUSES }) status!: ScanStatus;
  @ApiProperty({
    description:
      'true: built now from the events staged so far, as the worker builds the file, and ' +
      'validated, without writing the scan’s file. false: the scan is written; this is its file.',
  })
  dryRun!: boolean;
  @ApiProperty({ type: EventCounts }) counts!: EventCounts;
  @ApiProperty({ type: [String], description: 'What the writer noticed and would still write.' })
  warnings!: string[];
  @ApiProperty({
    type: ScanValidationResponse,
    description:
      'The file checked against NeXus and its application definition, with "send X" hints.',
  })
  validation!: ScanValidationResponse;
  @ApiPropertyOptional({
    type: CompletenessReportResponse,
    description:
      'With a beamline schema: what it says to collect at each moment, and what arrived.',
  })
  completeness?: CompletenessReportResponse;
}
