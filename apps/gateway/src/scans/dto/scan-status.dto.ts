/** Response schemas for Swagger; the values come from libs/staging's ScanState. */
import {
  SCAN_STATUSES,
  type CompletenessItem,
  type CompletenessReport,
  type MomentCompleteness,
  type ScanState,
  type ScanStatus,
  type ScanValidation,
} from '#libs/model/src/scan/index.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ExperimentDone, RunEnd } from '#libs/model-classes/src/index.js';
import { TECHNIQUES } from '#libs/model/src/naming.js';
import { FindingResponse } from '../../validate/validation-report.dto.js';

export class EventCounts {
  @ApiProperty({ description: 'Accepted Entry events.' })
  entries!: number;

  @ApiProperty({ description: 'Accepted device events.' })
  devices!: number;
}

/** A frame stream of an open scan: what has come, and what is missing. */
export class FrameStreamStatus {
  @ApiProperty({ example: 'pco_frames' }) stream!: string;
  @ApiProperty({ description: 'NumPy name of its element type.', example: 'uint16' })
  dtype!: string;
  @ApiProperty({ type: [Number], description: 'The shape of each frame.', example: [2048, 2048] })
  shape!: number[];
  @ApiProperty({ description: 'Frames received.', example: 126 }) frames!: number;
  @ApiProperty({
    type: [Number],
    description:
      'Indices below the highest received that have no frame. The file stacks the frames it has ' +
      'in index order, without filling these.',
    example: [40, 41],
  })
  missing!: number[];
}

class WrittenFileInfo {
  @ApiProperty({ example: '/data/MOGNO/20240123/mogno-2026-0001.nxs' })
  path!: string;

  @ApiProperty({ description: 'Bytes.' })
  size!: number;

  @ApiProperty({ description: 'Hex SHA-256 of the file.' })
  sha256!: string;
}

class SchemaPinInfo {
  @ApiProperty({ description: 'The version of the beamline schema.', example: 3 })
  version!: number;

  @ApiProperty({ description: 'Hex SHA-256 of its rows.' })
  sha256!: string;
}

class CompletenessItemResponse implements CompletenessItem {
  @ApiProperty({ example: 'monochromator/energy' }) path!: string;
  @ApiPropertyOptional({ example: 'MGN:A:DCM:Energy_RBV' }) pv?: string;
  @ApiProperty() arrived!: boolean;
}

class MomentCompletenessResponse implements MomentCompleteness {
  @ApiProperty({ example: 'sample_acquisition_start' }) entry!: string;
  @ApiProperty({ description: 'Items the schema says to collect at this moment.' })
  expected!: number;
  @ApiProperty({ description: 'How many of them arrived.' }) arrived!: number;
  @ApiProperty({ type: [CompletenessItemResponse] }) items!: CompletenessItemResponse[];
}

export class CompletenessReportResponse implements CompletenessReport {
  @ApiProperty({ example: 1 }) schemaVersion!: number;
  @ApiProperty({
    type: [MomentCompletenessResponse],
    description:
      'Each moment of each stage the scan has events for: start and end list what the schema ' +
      'says is Snapshoted at Exp. Start/end, during what is Scanned During Exp.',
  })
  moments!: MomentCompletenessResponse[];
}

export class ScanValidationResponse implements ScanValidation {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The application definition of the technique entry.',
    example: 'NXtomo',
  })
  definition!: string | null;
  @ApiProperty() errors!: number;
  @ApiProperty() warnings!: number;
  @ApiProperty({ type: [FindingResponse] }) findings!: FindingResponse[];
}

export class ScanStatusResponse implements ScanState {
  @ApiProperty() scanId!: string;
  @ApiProperty() beamline!: string;
  @ApiProperty() proposal!: string;
  @ApiProperty({ enum: TECHNIQUES }) technique!: ScanState['technique'];
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional({ description: 'ISO 8601 with time zone.' }) startTime?: string;
  @ApiProperty({ description: 'When the scan was opened, ISO 8601.' }) createdAt!: string;
  @ApiPropertyOptional({
    type: SchemaPinInfo,
    description:
      'The beamline schema current when the scan opened (GET /v1/beamlines/{beamline}/schema?version=N): ' +
      'events in Assonant’s wire form and PV snapshots are read with it. Absent when the beamline had none.',
  })
  schema?: SchemaPinInfo;
  @ApiProperty({
    enum: SCAN_STATUSES,
    description:
      'open: takes events; closing: being written; written, failed: the outcome of the write; ' +
      'expired: left open longer than OPEN_SCAN_MAX_AGE_S with OPEN_SCAN_EXPIRY=expire, its ' +
      'events dropped (see reason and expiredAt).',
  })
  status!: ScanStatus;
  @ApiProperty({ type: EventCounts }) counts!: EventCounts;
  @ApiPropertyOptional() closedAt?: string;
  @ApiPropertyOptional() writtenAt?: string;
  @ApiPropertyOptional({ type: WrittenFileInfo }) file?: WrittenFileInfo;
  @ApiPropertyOptional({ description: 'Why the last write attempt failed.' }) error?: string;
  @ApiProperty({
    type: [String],
    description:
      'What the writer noticed and still wrote; also that expiry closed the scan ' +
      '(OPEN_SCAN_EXPIRY=close), when it did.',
  })
  warnings!: string[];
  @ApiPropertyOptional({
    type: [FrameStreamStatus],
    description:
      'While the scan is open or closing: its frame streams (POST /v1/scans/{scanId}/arrays?stream=…&index=…).',
  })
  streams?: FrameStreamStatus[];
  @ApiPropertyOptional({ description: 'When the scan was expired, ISO 8601.' })
  expiredAt?: string;
  @ApiPropertyOptional({ description: 'Why the scan was expired.' })
  reason?: string;
  @ApiPropertyOptional({
    type: ScanValidationResponse,
    description: 'The written file checked against NeXus and its application definition.',
  })
  validation?: ScanValidationResponse;
  @ApiPropertyOptional({
    type: ExperimentDone,
    description: 'Assonant’s ExperimentDone the scan was closed with, if it was.',
  })
  experimentDone?: ExperimentDone;
  @ApiPropertyOptional({
    type: RunEnd,
    description: 'How the run ended, when the close said so; also the file’s root @exit_status.',
  })
  runEnd?: RunEnd;
  @ApiPropertyOptional({
    type: CompletenessReportResponse,
    description:
      'With a beamline schema, once written: what the schema says to collect at each stage and ' +
      'moment, and what arrived. While the scan is open: GET /v1/scans/{scanId}/report.',
  })
  completeness?: CompletenessReportResponse;
}

export class ScanCatalogPage {
  @ApiProperty({ type: [ScanStatusResponse] })
  items!: ScanStatusResponse[];

  @ApiPropertyOptional({
    description:
      'Opaque: pass it unchanged as cursor for the next page, which starts strictly after ' +
      'this one; absent on the last.',
  })
  nextCursor?: string;
}
